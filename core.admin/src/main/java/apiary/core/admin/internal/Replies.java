package apiary.core.admin.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** Answers shared by the admin routes. */
public final class Replies {
    private Replies() {
    }

    /** @return SwarmUI's {@code {"success": true}} */
    public static Map<String, Object> success() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        return out;
    }

    /** @return a one-key object, e.g. {@code {"users": [...]}} */
    public static Map<String, Object> of(String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        return out;
    }
}
