package apiary.core.api.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Operations on a settings tree shared by the server settings and the user settings, so that both speak exactly
 * SwarmUI's node format: rendering, finding a node by dotted id, converting a JSON value to a setting's type, and
 * collecting defaults.
 */
public final class SettingsTree {
    /** What a secret value looks like on the wire; sent back unchanged it means "keep the stored value". */
    public static final String SECRET_MASK = "\t<secret>";

    private SettingsTree() {
    }

    /**
     * Renders nodes as SwarmUI's settings object: {@code {id: {"type","name","value","description","values",
     * "value_names","is_secret","default_value"}}}, groups nesting their children under {@code value}.
     *
     * @param nodes the top-level nodes
     * @param values current value by full dotted path; {@code null} means "use the default"
     * @param includeHidden whether to include hidden nodes
     * @param includeRestricted whether to include restricted nodes
     * @return the rendered tree, in definition order
     */
    public static Map<String, Object> render(List<SettingDef> nodes, Function<String, Object> values,
            boolean includeHidden, boolean includeRestricted) {
        return render(nodes, "", values, includeHidden, includeRestricted);
    }

    private static Map<String, Object> render(List<SettingDef> nodes, String prefix, Function<String, Object> values,
            boolean includeHidden, boolean includeRestricted) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDef def : nodes) {
            if ((def.hidden() && !includeHidden) || (def.restricted() && !includeRestricted)) {
                continue;
            }
            String path = prefix + def.id();
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("type", def.type().wireName());
            node.put("name", def.name());
            if (def.type() == SettingType.GROUP) {
                node.put("value", render(def.children(), path + ".", values, includeHidden, includeRestricted));
            } else {
                Object v = values.apply(path);
                node.put("value", def.secret() ? SECRET_MASK : wireValue(def, v == null ? def.defaultValue() : v));
            }
            node.put("description", def.description());
            node.put("values", def.values());
            node.put("value_names", def.valueNames());
            node.put("is_secret", def.secret());
            if (def.type() != SettingType.GROUP && !def.secret()) {
                node.put("default_value", wireValue(def, def.defaultValue()));
            }
            out.put(def.id(), node);
        }
        return out;
    }

    private static Object wireValue(SettingDef def, Object value) {
        if (def.type() == SettingType.LIST && value instanceof List) {
            return String.join(" || ", toStrings((List<?>) value));
        }
        return value;
    }

    /**
     * Finds a node by its dotted id, case-insensitively.
     *
     * @param nodes the top-level nodes
     * @param dottedPath e.g. {@code fileformat.imageformat}
     * @return the node (leaf or group)
     */
    public static Optional<SettingDef> find(List<SettingDef> nodes, String dottedPath) {
        List<SettingDef> level = nodes;
        SettingDef found = null;
        for (String part : dottedPath.toLowerCase(Locale.ROOT).split("\\.", -1)) {
            found = null;
            for (SettingDef def : level) {
                if (def.id().equals(part)) {
                    found = def;
                    break;
                }
            }
            if (found == null) {
                return Optional.empty();
            }
            level = found.children();
        }
        return Optional.ofNullable(found);
    }

    /**
     * Collects the default value of every leaf by its full dotted id.
     *
     * @param nodes the top-level nodes
     * @return defaults in definition order
     */
    public static Map<String, Object> defaults(List<SettingDef> nodes) {
        Map<String, Object> out = new LinkedHashMap<>();
        collectDefaults(nodes, "", out);
        return out;
    }

    private static void collectDefaults(List<SettingDef> nodes, String prefix, Map<String, Object> out) {
        for (SettingDef def : nodes) {
            if (def.type() == SettingType.GROUP) {
                collectDefaults(def.children(), prefix + def.id() + ".", out);
            } else {
                out.put(prefix + def.id(), def.defaultValue());
            }
        }
    }

    /**
     * Converts a JSON value (as parsed: String, Number, Boolean, List, Map or null) to the Java type of a leaf
     * setting. Numbers may come as text, booleans as {@code "true"}/{@code "false"}, lists as JSON arrays or
     * comma-separated text.
     *
     * @param def the leaf setting
     * @param json the value
     * @return the typed value
     * @throws IllegalArgumentException with a readable message when the value does not fit
     */
    public static Object coerce(SettingDef def, Object json) {
        if (json == null) {
            throw invalid(def, json, "a value is required");
        }
        switch (def.type()) {
            case TEXT:
                return scalarText(def, json);
            case DROPDOWN: {
                String s = scalarText(def, json);
                List<String> options = def.values();
                if (def.strictValues() && options != null && !options.contains(s)) {
                    throw invalid(def, json, "must be one of " + options);
                }
                return s;
            }
            case INTEGER: {
                long n;
                try {
                    n = new BigDecimal(scalarText(def, json).trim()).longValueExact();
                } catch (ArithmeticException | NumberFormatException e) {
                    throw invalid(def, json, "must be a whole number");
                }
                return inRange(def, json, n);
            }
            case DECIMAL: {
                double d;
                try {
                    d = Double.parseDouble(scalarText(def, json).trim());
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw invalid(def, json, "must be a number");
                }
                return inRange(def, json, d);
            }
            case BOOLEAN: {
                String s = scalarText(def, json).trim();
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw invalid(def, json, "must be true or false");
            }
            case LIST:
                if (json instanceof List) {
                    return toStrings((List<?>) json);
                }
                String s = scalarText(def, json);
                List<String> out = new ArrayList<>();
                for (String part : Arrays.asList(s.split(","))) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
                return out;
            default:
                throw invalid(def, json, "is a group, not a value");
        }
    }

    private static String scalarText(SettingDef def, Object json) {
        if (json instanceof Map || json instanceof List) {
            throw invalid(def, json, "must be a single value");
        }
        if (json instanceof Double || json instanceof Float) {
            BigDecimal bd = BigDecimal.valueOf(((Number) json).doubleValue()).stripTrailingZeros();
            return bd.scale() <= 0 ? bd.toBigInteger().toString() : bd.toPlainString();
        }
        return String.valueOf(json);
    }

    private static List<String> toStrings(List<?> list) {
        List<String> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(String.valueOf(o));
        }
        return out;
    }

    private static <N extends Number> N inRange(SettingDef def, Object json, N value) {
        double v = value.doubleValue();
        Double min = def.minimum();
        Double max = def.maximum();
        if ((min != null && v < min) || (max != null && v > max)) {
            throw invalid(def, json, "must be between " + plain(min) + " and " + plain(max));
        }
        return value;
    }

    private static String plain(Double d) {
        if (d == null) {
            return "any";
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
    }

    private static IllegalArgumentException invalid(SettingDef def, Object value, String why) {
        return new IllegalArgumentException("Invalid value '" + value + "' for setting '" + def.id() + "': " + why + ".");
    }
}
