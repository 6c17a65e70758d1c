package apiary.core.t2i.internal.params;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Text forms as SwarmUI writes them: request values as strings, numbers as .NET prints them in messages. */
public final class SwarmText {
    /** The separator SwarmUI joins array values with. */
    public static final String LIST_SEPARATOR = "\n|||\n";

    private SwarmText() {
    }

    /**
     * @param value a JSON value from a request body
     * @return its string form: arrays joined with {@link #LIST_SEPARATOR}, integral doubles as written by JSON
     */
    public static String of(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection) {
            StringBuilder sb = new StringBuilder();
            for (Object o : (Collection<?>) value) {
                if (sb.length() > 0) {
                    sb.append(LIST_SEPARATOR);
                }
                sb.append(of(o));
            }
            return sb.toString();
        }
        if (value instanceof Map) {
            return String.valueOf(value);
        }
        return String.valueOf(value);
    }

    /**
     * @param v a number
     * @return .NET's short form: {@code 500}, {@code 0.5}, {@code -1}
     */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** @param values entries @return them joined as SwarmUI lists choices: {@code a`, `b} */
    public static String choices(List<String> values) {
        return String.join("`, `", values);
    }
}
