package apiary.core.api.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The definition of one settings node: a leaf with a type and default, or a group of children. Immutable; build
 * with the static factories and the {@code with...} methods:
 *
 * <pre>{@code
 * SettingDef.group("Network", "Network settings.",
 *     SettingDef.text("Host", "localhost", "Address to listen on."),
 *     SettingDef.integer("Port", 7801, "Port to listen on."));
 * }</pre>
 *
 * The id of a node is its name in lower case ({@code ImageFormat} -> {@code imageformat}), like SwarmUI's.
 */
public final class SettingDef {
    private final String id;
    private final String name;
    private final SettingType type;
    private final Object defaultValue;
    private final String description;
    private final Supplier<List<String>> values;
    private final List<String> valueNames;
    private final boolean secret;
    private final boolean hidden;
    private final boolean restricted;
    private final boolean strictValues;
    private final List<SettingDef> children;
    private final Double minimum;
    private final Double maximum;

    private SettingDef(String name, SettingType type, Object defaultValue, String description,
            Supplier<List<String>> values, List<String> valueNames, boolean secret, boolean hidden,
            boolean restricted, boolean strictValues, List<SettingDef> children) {
        this(name, type, defaultValue, description, values, valueNames, secret, hidden, restricted, strictValues,
                children, null, null);
    }

    private SettingDef(String name, SettingType type, Object defaultValue, String description,
            Supplier<List<String>> values, List<String> valueNames, boolean secret, boolean hidden,
            boolean restricted, boolean strictValues, List<SettingDef> children, Double minimum, Double maximum) {
        this.name = Objects.requireNonNull(name, "name");
        this.id = name.toLowerCase(Locale.ROOT);
        this.type = type;
        this.defaultValue = defaultValue;
        this.description = description == null ? "" : description;
        this.values = values;
        this.valueNames = valueNames == null ? null : List.copyOf(valueNames);
        this.secret = secret;
        this.hidden = hidden;
        this.restricted = restricted;
        this.strictValues = strictValues;
        this.children = List.copyOf(children);
        this.minimum = minimum;
        this.maximum = maximum;
    }

    private static SettingDef leaf(String name, SettingType type, Object def, String description) {
        return new SettingDef(name, type, def, description, null, null, false, false, false, false, List.of());
    }

    /** @param name field name @param def default @param description help text @return a text setting */
    public static SettingDef text(String name, String def, String description) {
        return leaf(name, SettingType.TEXT, def, description);
    }

    /** @param name field name @param def default @param description help text @return an integer setting */
    public static SettingDef integer(String name, long def, String description) {
        return leaf(name, SettingType.INTEGER, def, description);
    }

    /** @param name field name @param def default @param description help text @return a decimal setting */
    public static SettingDef decimal(String name, double def, String description) {
        return leaf(name, SettingType.DECIMAL, def, description);
    }

    /** @param name field name @param def default @param description help text @return a boolean setting */
    public static SettingDef bool(String name, boolean def, String description) {
        return leaf(name, SettingType.BOOLEAN, def, description);
    }

    /** @param name field name @param def default @param description help text @return a list-of-strings setting */
    public static SettingDef list(String name, List<String> def, String description) {
        return leaf(name, SettingType.LIST, List.copyOf(def), description);
    }

    /**
     * @param name field name
     * @param def default
     * @param description help text
     * @param values the options
     * @return a dropdown setting with a fixed option list
     */
    public static SettingDef dropdown(String name, String def, String description, List<String> values) {
        List<String> copy = List.copyOf(values);
        return new SettingDef(name, SettingType.DROPDOWN, def, description, () -> copy, null, false, false, false,
                false, List.of());
    }

    /**
     * @param name field name
     * @param def default
     * @param description help text
     * @param values computes the options each time the tree is shown (language files, themes...)
     * @return a dropdown setting whose options change at runtime
     */
    public static SettingDef dropdown(String name, String def, String description, Supplier<List<String>> values) {
        return new SettingDef(name, SettingType.DROPDOWN, def, description, values, null, false, false, false, false,
                List.of());
    }

    /**
     * @param name group name
     * @param description help text
     * @param children the child nodes, in display order
     * @return a group
     */
    public static SettingDef group(String name, String description, SettingDef... children) {
        return group(name, description, List.of(children));
    }

    /** @param name group name @param description help text @param children child nodes @return a group */
    public static SettingDef group(String name, String description, List<SettingDef> children) {
        return new SettingDef(name, SettingType.GROUP, null, description, null, null, false, false, false, false,
                children);
    }

    /** @param names display names parallel to the values @return a copy with value names */
    public SettingDef withValueNames(List<String> names) {
        return new SettingDef(name, type, defaultValue, description, values, names, secret, hidden, restricted, strictValues, children,
                minimum, maximum);
    }

    /** @return a copy whose value is masked as {@code "\t<secret>"} when shown */
    public SettingDef asSecret() {
        return new SettingDef(name, type, defaultValue, description, values, valueNames, true, hidden, restricted, strictValues, children,
                minimum, maximum);
    }

    /** @return a copy that is never shown in settings lists (but still stored) */
    public SettingDef asHidden() {
        return new SettingDef(name, type, defaultValue, description, values, valueNames, secret, true, restricted, strictValues, children,
                minimum, maximum);
    }

    /** @return a copy that users may not change themselves (e.g. {@code roles}) */
    public SettingDef asRestricted() {
        return new SettingDef(name, type, defaultValue, description, values, valueNames, secret, hidden, true, strictValues, children,
                minimum, maximum);
    }

    /** @return a copy of a dropdown that refuses values not in its option list */
    public SettingDef withStrictValues() {
        return new SettingDef(name, type, defaultValue, description, values, valueNames, secret, hidden, restricted, true, children,
                minimum, maximum);
    }

    /**
     * Declares the values a number setting may take; others are refused when the setting is changed (and a stored
     * value outside the range is ignored in favour of the default). Use it for every number the server cannot run
     * with outside some range, e.g. a request size of 0.
     *
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return a copy with the range
     * @throws IllegalStateException for a setting that is not a number, or when the default lies outside the range
     */
    public SettingDef withRange(double min, double max) {
        if (type != SettingType.INTEGER && type != SettingType.DECIMAL) {
            throw new IllegalStateException("Only number settings have a range: " + id);
        }
        double def = ((Number) defaultValue).doubleValue();
        if (min > max || def < min || def > max) {
            throw new IllegalStateException("Default " + defaultValue + " of setting " + id + " is outside [" + min + ", " + max + "]");
        }
        return new SettingDef(name, type, defaultValue, description, values, valueNames, secret, hidden, restricted,
                strictValues, children, min, max);
    }

    /** @return the smallest allowed value of a number setting, or {@code null} when unbounded */
    public Double minimum() { return minimum; }
    /** @return the largest allowed value of a number setting, or {@code null} when unbounded */
    public Double maximum() { return maximum; }

    /** @return the lowercase id */
    public String id() { return id; }
    /** @return the original field name */
    public String name() { return name; }
    /** @return the node type */
    public SettingType type() { return type; }
    /** @return the default value (typed as {@link SettingType} says), {@code null} for groups */
    public Object defaultValue() { return defaultValue; }
    /** @return the help text */
    public String description() { return description; }
    /** @return the current options, or {@code null} when the setting has none */
    public List<String> values() { return values == null ? null : values.get(); }
    /** @return display names of the options, or {@code null} */
    public List<String> valueNames() { return valueNames; }
    /** @return whether the value is secret */
    public boolean secret() { return secret; }
    /** @return whether the node is hidden from lists */
    public boolean hidden() { return hidden; }
    /** @return whether only admins may change it */
    public boolean restricted() { return restricted; }
    /** @return whether a dropdown refuses values outside its options */
    public boolean strictValues() { return strictValues; }
    /** @return the child nodes of a group, empty for leaves */
    public List<SettingDef> children() { return children; }

    @Override
    public String toString() {
        return id;
    }
}
