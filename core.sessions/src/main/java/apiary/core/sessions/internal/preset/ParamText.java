package apiary.core.sessions.internal.preset;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.Json;

/**
 * Turns the JSON values of a preset's {@code param_map} into the text SwarmUI stores: booleans as {@code True} and
 * {@code False}, numbers in plain notation, objects and arrays as JSON text, null as empty text.
 */
final class ParamText {
    private ParamText() {
    }

    /** @throws IllegalArgumentException for a number that is not finite */
    static String of(Object value, Json json) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (Double.isInfinite(v) || Double.isNaN(v)) {
                // JSON such as 1e999999 parses to infinity, which has no plain notation.
                throw new IllegalArgumentException("number out of range");
            }
            BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (value instanceof Map || value instanceof List) {
            return json.write(value);
        }
        return String.valueOf(value);
    }
}
