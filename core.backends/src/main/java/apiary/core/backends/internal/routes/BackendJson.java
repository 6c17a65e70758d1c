package apiary.core.backends.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;

/** The JSON shapes of the BackendAPI routes, keys in SwarmUI's order. */
final class BackendJson {
    private BackendJson() {
    }

    /**
     * SwarmUI's {@code BackendToNet}: the backend net object; secrets are already masked in the snapshot.
     *
     * @param b the snapshot
     * @param full whether to add {@code current_model} ({@code full_data})
     * @param nowMillis the wall clock, for {@code seconds_since_used}
     */
    static Map<String, Object> backend(BackendDTO b, boolean full, long nowMillis) {
        long since = b.lastReleasedMillis == 0 ? 0 : Math.max(0, (nowMillis - b.lastReleasedMillis) / 1000);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", b.type);
        out.put("status", b.status.wireName());
        out.put("id", b.id);
        out.put("settings", b.settings);
        out.put("modcount", b.modcount);
        out.put("features", b.features);
        out.put("enabled", b.enabled);
        out.put("title", b.title);
        out.put("can_load_models", b.canLoadModels);
        out.put("max_usages", b.maxUsages);
        out.put("seconds_since_used", since);
        out.put("time_since_used", b.lastReleasedMillis == 0 ? "Never" : SinceText.ago(since));
        if (full) {
            out.put("current_model", b.currentModel);
        }
        if (b.status == BackendStatus.ERRORED && b.statusMessage != null) {
            out.put("status_message", b.statusMessage); // Apiary: why it errored, so an admin sees it without the log
        }
        return out;
    }

    /** @return one entry of {@code ListBackendTypes}'s list */
    static Map<String, Object> type(BackendTypeInfo t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", t.id());
        out.put("name", t.name());
        out.put("description", t.description());
        out.put("settings", settings(t.settings()));
        out.put("is_standard", t.standard());
        return out;
    }

    /**
     * SwarmUI lists a section as one {@code group} entry; Apiary adds the section's own entries under
     * {@code settings}, so a client can edit nested values too.
     */
    private static List<Map<String, Object>> settings(List<SettingDef> defs) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SettingDef d : defs) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", d.name());
            s.put("type", d.type().wireName());
            s.put("description", d.description());
            s.put("placeholder", "");
            s.put("is_secret", d.secret());
            boolean options = d.type() == SettingType.DROPDOWN && d.values() != null;
            s.put("values", options ? d.values() : null);
            s.put("value_names", options && d.valueNames() != null ? d.valueNames() : null);
            if (d.type() == SettingType.GROUP) {
                s.put("settings", settings(d.children()));
            }
            out.add(s);
        }
        return out;
    }
}
