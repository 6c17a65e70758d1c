package apiary.core.server.internal.route;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON parameter types a route may declare, each with SwarmUI's .NET type name and SwarmUI's parsing rules:
 * the JSON value is first turned into text the way Newtonsoft's {@code JToken.ToString()} does, then parsed with
 * .NET's {@code TryParse} semantics.
 */
public enum ParamType {
    STRING("String"),
    INT32("Int32"),
    INT64("Int64"),
    BOOLEAN("Boolean"),
    DOUBLE("Double"),
    SINGLE("Single"),
    STRING_ARRAY("String[]"),
    JOBJECT("JObject");

    /** .NET's Double.TryParse (NumberStyles.Float | AllowThousands, invariant culture). */
    private static final Pattern FLOAT = Pattern.compile("[+-]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final String swarmName;

    ParamType(String swarmName) {
        this.swarmName = swarmName;
    }

    /** @return the .NET type name SwarmUI reports */
    public String swarmName() {
        return swarmName;
    }

    /** @return the type for a Java parameter type, or null when it is not bindable from JSON */
    static ParamType of(Class<?> type, java.lang.reflect.Type generic) {
        if (type == String.class) {
            return STRING;
        } else if (type == int.class || type == Integer.class) {
            return INT32;
        } else if (type == long.class || type == Long.class) {
            return INT64;
        } else if (type == boolean.class || type == Boolean.class) {
            return BOOLEAN;
        } else if (type == double.class || type == Double.class) {
            return DOUBLE;
        } else if (type == float.class || type == Float.class) {
            return SINGLE;
        } else if (type == String[].class) {
            return STRING_ARRAY;
        } else if (type == Map.class && isStringObjectMap(generic)) {
            return JOBJECT;
        }
        return null;
    }

    private static boolean isStringObjectMap(java.lang.reflect.Type generic) {
        if (!(generic instanceof java.lang.reflect.ParameterizedType)) {
            return false;
        }
        java.lang.reflect.Type[] args = ((java.lang.reflect.ParameterizedType) generic).getActualTypeArguments();
        return args[0] == String.class && args[1] == Object.class;
    }

    /**
     * Parses a value already turned into text by {@link #text}.
     *
     * @return the Java value, or null when it does not parse (the caller reports the error)
     */
    public Object parse(String text) {
        String t = text.strip();
        try {
            switch (this) {
                case STRING:
                    return text;
                case INT32:
                    return Integer.parseInt(t);
                case INT64:
                    return Long.parseLong(t);
                case BOOLEAN:
                    if (t.equalsIgnoreCase("true")) {
                        return Boolean.TRUE;
                    }
                    return t.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case DOUBLE:
                    return parseFloating(t);
                case SINGLE: {
                    Double d = parseFloating(t);
                    return d == null ? null : d.floatValue();
                }
                default:
                    return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseFloating(String t) {
        switch (t) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
            case "∞":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
            case "-∞":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!FLOAT.matcher(t).matches()) {
                    return null;
                }
                return Double.parseDouble(t.replace(",", ""));
        }
    }

    /**
     * Newtonsoft's {@code JToken.ToString()} of a parsed JSON value: strings as they are, null as empty text,
     * booleans as {@code True}/{@code False}, numbers in their JSON form, objects and arrays as indented JSON.
     */
    public static String text(Object json, java.util.function.Function<Object, String> indentedJson) {
        if (json == null) {
            return "";
        } else if (json instanceof String) {
            return (String) json;
        } else if (json instanceof Boolean) {
            return ((Boolean) json) ? "True" : "False";
        } else if (json instanceof Map || json instanceof List) {
            return indentedJson.apply(json);
        }
        return String.valueOf(json);
    }

    /** @return the zero value of a primitive Java type, for optional parameters defaulting to null */
    static Object zeroOf(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == float.class) {
            return 0f;
        }
        return 0d;
    }

    @Override
    public String toString() {
        return swarmName.toLowerCase(Locale.ROOT);
    }
}
