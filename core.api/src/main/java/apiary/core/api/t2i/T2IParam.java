package apiary.core.api.t2i;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The definition of one text-to-image parameter (SwarmUI's {@code T2IParamType}), as {@code ListT2IParams} shows it
 * and as request parsing applies it. Immutable: create with a factory, refine with the other methods, each of which
 * returns a copy:
 *
 * <pre>{@code
 * T2IParam<Long> steps = T2IParam.integer("Steps", 20)
 *         .describedAs("How many times to run the model.").range(0, 500).viewRange(1, 100)
 *         .viewType("slider").inGroup(CoreGroups.SAMPLING).priority(-20);
 * }</pre>
 *
 * The id is SwarmUI's: the display name in lower case keeping only the letters {@code a}-{@code z}
 * ({@code CFG Scale} becomes {@code cfgscale}; see {@link #cleanId}). Defaults are kept as text, as SwarmUI sends them.
 *
 * @param <T> the Java type of the parameter's values (see {@link T2IParamType})
 */
public final class T2IParam<T> {
    private final T2IParamSpec spec;
    private final T2IParamKey<T> key;

    private T2IParam(T2IParamSpec spec) {
        this.spec = spec;
        this.key = T2IParamKey.of(spec.id, spec.type);
    }

    private static <T> T2IParam<T> create(String name, T2IParamType type, String defaultValue) {
        T2IParamSpec s = new T2IParamSpec();
        s.name = Objects.requireNonNull(name, "name");
        s.id = cleanId(name);
        if (s.id.isEmpty()) {
            throw new IllegalArgumentException("A parameter name needs at least one letter: '" + name + "'");
        }
        s.type = type;
        s.defaultValue = defaultValue == null ? "" : defaultValue;
        return new T2IParam<>(s);
    }

    /**
     * SwarmUI's id rule, also applied to request keys: lower case, then every character outside {@code a}-{@code z}
     * removed.
     *
     * @param name a display name or request key, e.g. {@code CFG Scale} or {@code cfg_scale}
     * @return the id, e.g. {@code cfgscale}
     */
    public static String cleanId(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @param name display name @param def default @return a text parameter */
    public static T2IParam<String> text(String name, String def) { return create(name, T2IParamType.TEXT, def); }
    /** @param name display name @param def default @return an integer parameter */
    public static T2IParam<Long> integer(String name, long def) { return create(name, T2IParamType.INTEGER, Long.toString(def)); }
    /** @param name display name @param def default @return a decimal parameter */
    public static T2IParam<Double> decimal(String name, double def) { return create(name, T2IParamType.DECIMAL, Double.toString(def)); }
    /** @param name display name @param def default @return a boolean parameter */
    public static T2IParam<Boolean> bool(String name, boolean def) { return create(name, T2IParamType.BOOLEAN, Boolean.toString(def)); }
    /** @param name display name @param def default @param values the value list, entries {@code value///Display Name} @return a dropdown */
    public static T2IParam<String> dropdown(String name, String def, List<String> values) {
        return T2IParam.<String>create(name, T2IParamType.DROPDOWN, def).withValues(values);
    }
    /** @param name display name @param subtype model subtype, e.g. {@code VAE} @param def default @return a model parameter */
    public static T2IParam<String> model(String name, String subtype, String def) {
        return T2IParam.<String>create(name, T2IParamType.MODEL, def).with(s -> s.subtype = subtype);
    }
    /** @param name display name @param def default (comma-separated) @return a list parameter */
    public static T2IParam<List<String>> list(String name, String def) { return create(name, T2IParamType.LIST, def); }
    /** @param name display name @return an image parameter without default */
    public static T2IParam<MediaInput> image(String name) { return create(name, T2IParamType.IMAGE, ""); }
    /** @param name display name @return an image-list parameter without default */
    public static T2IParam<List<MediaInput>> imageList(String name) { return create(name, T2IParamType.IMAGE_LIST, ""); }
    /**
     * @param name display name
     * @param type any data type
     * @param def the default as text
     * @param <T> the Java value type, matching {@code type}
     * @return a parameter
     */
    public static <T> T2IParam<T> of(String name, T2IParamType type, String def) { return create(name, type, def); }

    private T2IParam<T> with(Consumer<T2IParamSpec> change) {
        T2IParamSpec s = spec.copy();
        change.accept(s);
        return new T2IParam<>(s);
    }

    /** @param v help text @return a copy */
    public T2IParam<T> describedAs(String v) { return with(s -> s.description = v == null ? "" : v); }
    /** @param min lowest allowed @param max highest allowed (both 0: unbounded, as SwarmUI) @return a copy */
    public T2IParam<T> range(double min, double max) { return with(s -> { s.min = min; s.max = max; }); }
    /** @param min slider start @param max slider end @return a copy */
    public T2IParam<T> viewRange(double min, double max) { return with(s -> { s.viewMin = min; s.viewMax = max; }); }
    /** @param v slider step @return a copy */
    public T2IParam<T> step(double v) { return with(s -> s.step = v); }
    /** @param v the value list, entries {@code value///Display Name} @return a copy */
    public T2IParam<T> withValues(List<String> v) { List<String> copy = List.copyOf(v); return with(s -> s.values = () -> copy); }
    /** @param v a value list read at every use, for lists a driver learns at runtime (sampler names) @return a copy */
    public T2IParam<T> withDynamicValues(Supplier<List<String>> v) { return with(s -> s.values = v); }
    /** @param v example values for the UI @return a copy */
    public T2IParam<T> withExamples(List<String> v) { List<String> copy = List.copyOf(v); return with(s -> s.examples = copy); }
    /** @param g the group it is shown in @return a copy */
    public T2IParam<T> inGroup(T2IParamGroup g) { return with(s -> s.group = g); }
    /** @param flag a feature id (comma-separated for several) a backend must support when the parameter is set @return a copy */
    public T2IParam<T> requiresFeature(String flag) { return with(s -> s.featureFlag = flag); }
    /** @return a copy that the UI shows with an enable toggle (unset unless toggled on) */
    public T2IParam<T> toggleable() { return with(s -> s.toggleable = true); }
    /** @return a copy shown only under "advanced" */
    public T2IParam<T> advanced() { return with(s -> s.advanced = true); }
    /** @return a copy the UI does not show (still accepted in requests) */
    public T2IParam<T> hidden() { return with(s -> s.visible = false); }
    /** @param v sort order within its group, lower first @return a copy */
    public T2IParam<T> priority(double v) { return with(s -> s.priority = v); }
    /** @param v a raw value meaning "not set" (SwarmUI's IgnoreIf) @return a copy */
    public T2IParam<T> ignoreIf(String v) { return with(s -> s.ignoreIf = v); }
    /** @param v the permission id a user needs to set it (and to see it listed) @return a copy */
    public T2IParam<T> requiresPermission(String v) { return with(s -> s.permission = v); }
    /** @param v the UI widget: {@code small}, {@code big}, {@code seed}, {@code slider}, {@code pot_slider}, {@code prompt}... @return a copy */
    public T2IParam<T> viewType(String v) { return with(s -> s.viewType = v); }
    /** @return a copy kept when the UI resets parameters */
    public T2IParam<T> alwaysRetain() { return with(s -> s.alwaysRetain = true); }
    /** @return a copy never written into image metadata */
    public T2IParam<T> doNotSave() { return with(s -> s.doNotSave = true); }
    /** @return a copy left out of preview metadata */
    public T2IParam<T> doNotPreview() { return with(s -> s.doNotPreview = true); }
    /** @return a copy hidden even from the advanced view */
    public T2IParam<T> extraHidden() { return with(s -> s.extraHidden = true); }
    /** @return a copy usable in prompt sections ({@code <segment:...>}) */
    public T2IParam<T> canSectionalize() { return with(s -> s.canSectionalize = true); }
    /** @return a copy the UI does not copy with "reuse parameters" */
    public T2IParam<T> nonreusable() { return with(s -> s.nonreusable = true); }
    /** @param paramId a parameter that must be non-default for this one to show @return a copy */
    public T2IParam<T> dependsOnNonDefault(String paramId) { return with(s -> s.dependNonDefault = paramId); }

    /** @return the typed key for reading values */
    public T2IParamKey<T> key() { return key; }
    /** @return the id */
    public String id() { return spec.id; }
    /** @return the display name */
    public String name() { return spec.name; }
    /** @return the data type */
    public T2IParamType type() { return spec.type; }
    /** @return the help text */
    public String description() { return spec.description; }
    /** @return the default as text */
    public String defaultValue() { return spec.defaultValue; }
    /** @return the lowest allowed value (0 with {@link #max()} 0: unbounded) */
    public double min() { return spec.min; }
    /** @return the highest allowed value */
    public double max() { return spec.max; }
    /** @return the slider start */
    public double viewMin() { return spec.viewMin; }
    /** @return the slider end */
    public double viewMax() { return spec.viewMax; }
    /** @return the slider step */
    public double step() { return spec.step; }
    /** @return the value list now (entries {@code value///Display Name}), or {@code null} for none */
    public List<String> values() { return spec.values == null ? null : spec.values.get(); }
    /** @return examples, or {@code null} */
    public List<String> examples() { return spec.examples; }
    /** @return the model subtype of a model parameter, or {@code null} */
    public String subtype() { return spec.subtype; }
    /** @return whether the UI shows it */
    public boolean visible() { return spec.visible; }
    /** @return whether it is advanced */
    public boolean isAdvanced() { return spec.advanced; }
    /** @return the required feature flag(s), or {@code null} */
    public String featureFlag() { return spec.featureFlag; }
    /** @return whether it has an enable toggle */
    public boolean isToggleable() { return spec.toggleable; }
    /** @return the sort priority */
    public double priorityValue() { return spec.priority; }
    /** @return the group, or {@code null} */
    public T2IParamGroup group() { return spec.group; }
    /** @return whether it survives a UI reset */
    public boolean isAlwaysRetain() { return spec.alwaysRetain; }
    /** @return whether it is left out of metadata */
    public boolean isDoNotSave() { return spec.doNotSave; }
    /** @return whether it is left out of preview metadata */
    public boolean isDoNotPreview() { return spec.doNotPreview; }
    /** @return the UI widget */
    public String viewTypeName() { return spec.viewType; }
    /** @return whether it is extra hidden */
    public boolean isExtraHidden() { return spec.extraHidden; }
    /** @return whether it may appear in prompt sections */
    public boolean isSectionalizable() { return spec.canSectionalize; }
    /** @return whether "reuse parameters" skips it */
    public boolean isNonreusable() { return spec.nonreusable; }
    /** @return the parameter that must be non-default for this one to show, or {@code null} */
    public String dependNonDefault() { return spec.dependNonDefault; }
    /** @return the raw value that means "not set", or {@code null} */
    public String ignoreIfValue() { return spec.ignoreIf; }
    /** @return the permission needed to use it, or {@code null} */
    public String permission() { return spec.permission; }

    @Override
    public String toString() {
        return spec.id;
    }
}
