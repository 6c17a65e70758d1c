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

    static String of(Object value, Json json) {
        if (value == null) {
            return "";
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            BigDecimal d = BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (value instanceof Map || value instanceof List) {
            return json.write(value);
        }
        return String.valueOf(value);
    }
}
