package apiary.core.t2i.internal.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.model.CompatClassDTO;
import apiary.core.api.model.ModelClassDTO;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamGroup;

/** {@code ListT2IParams}' answer in SwarmUI's exact shape and key order, generated from the registry. */
public final class ParamListing {
    private ParamListing() {
    }

    /**
     * @param params the served parameters in listing order
     * @param user the caller: parameters needing a permission it lacks are left out, models filtered by its access
     * @param models the model lists
     * @return {@code list}, {@code groups}, {@code models}, {@code model_compat_classes}, {@code model_classes},
     *         {@code wildcards}, {@code param_edits}
     */
    public static Map<String, Object> of(List<T2IParam<?>> params, User user, ModelCatalog models) {
        List<Object> list = new ArrayList<>();
        Map<String, Object> groups = new LinkedHashMap<>();
        for (T2IParam<?> p : params) {
            if (p.permission() != null && !user.hasPermission(p.permission())) {
                continue;
            }
            list.add(param(p));
            for (T2IParamGroup g = p.group(); g != null; g = g.parent()) {
                groups.putIfAbsent(g.id(), group(g));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("list", list);
        out.put("groups", new ArrayList<>(groups.values()));
        out.put("models", models.listing(user));
        out.put("model_compat_classes", compatClasses(models.library()));
        out.put("model_classes", modelClasses(models.library()));
        out.put("wildcards", models.wildcardNames());
        out.put("param_edits", null);
        return out;
    }

    static Map<String, Object> param(T2IParam<?> p) {
        List<String> values = p.values();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("id", p.id());
        m.put("description", p.description());
        m.put("type", p.type().wireName());
        m.put("subtype", p.subtype());
        m.put("default", p.defaultValue());
        m.put("min", p.min());
        m.put("max", p.max());
        m.put("view_min", p.viewMin());
        m.put("view_max", p.viewMax());
        m.put("step", p.step());
        m.put("values", values == null ? null : ValueCoercer.valueParts(values));
        m.put("value_names", values == null ? null : valueNames(values));
        m.put("examples", p.examples());
        m.put("visible", p.visible());
        m.put("advanced", p.isAdvanced());
        m.put("feature_flag", p.featureFlag());
        m.put("toggleable", p.isToggleable());
        m.put("priority", p.priorityValue());
        m.put("group", p.group() == null ? null : group(p.group()));
        m.put("always_retain", p.isAlwaysRetain());
        m.put("do_not_save", p.isDoNotSave());
        m.put("do_not_preview", p.isDoNotPreview());
        m.put("view_type", p.viewTypeName());
        m.put("extra_hidden", p.isExtraHidden());
        m.put("can_sectionalize", p.isSectionalizable());
        m.put("nonreusable", p.isNonreusable());
        m.put("depend_non_default", p.dependNonDefault());
        return m;
    }

    private static List<String> valueNames(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            int i = v.indexOf("///");
            out.add(i < 0 ? v : v.substring(i + 3));
        }
        return out;
    }

    static Map<String, Object> group(T2IParamGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", g.name());
        m.put("id", g.id());
        m.put("toggles", g.toggles());
        m.put("open", g.open());
        m.put("priority", g.priority());
        m.put("description", g.description());
        m.put("advanced", g.advanced());
        m.put("can_shrink", g.canShrink());
        m.put("parent", g.parent() == null ? null : g.parent().id());
        return m;
    }

    private static Map<String, Object> modelClasses(ModelLibrary library) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (library != null) {
            for (ModelClassDTO c : library.modelClasses()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id);
                m.put("name", c.name);
                m.put("compat_class", c.compatClass);
                m.put("standard_width", c.standardWidth);
                m.put("standard_height", c.standardHeight);
                out.put(c.id, m);
            }
        }
        return out;
    }

    private static Map<String, Object> compatClasses(ModelLibrary library) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (library != null) {
            for (CompatClassDTO c : library.compatClasses()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id);
                m.put("short_code", c.shortCode);
                m.put("is_text2video", c.isText2Video);
                m.put("loras_target_text_enc", c.lorasTargetTextEnc);
                out.put(c.id, m);
            }
        }
        return out;
    }
}
