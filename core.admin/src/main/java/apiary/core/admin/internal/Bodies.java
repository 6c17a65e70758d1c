package apiary.core.admin.internal;

import java.util.List;
import java.util.Map;

import apiary.core.api.route.ApiError;

/**
 * Reads sub-keys of a JObject parameter (the whole request body), answering a clear error where SwarmUI would
 * crash into {@code internal_error}.
 */
public final class Bodies {
    private Bodies() {
    }

    /**
     * @param body the request body
     * @param key a key that must hold a JSON object
     * @return the object
     * @throws ApiError when the key is missing or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof Map)) {
            throw new ApiError("Missing or invalid '" + key + "': must be a JSON object.");
        }
        return (Map<String, Object>) v;
    }

    /**
     * @param body the request body
     * @param key a key that must hold a JSON array
     * @return the array
     * @throws ApiError when the key is missing or not an array
     */
    public static List<?> list(Map<String, Object> body, String key) {
        Object v = body.get(key);
        if (!(v instanceof List)) {
            throw new ApiError("Missing or invalid '" + key + "': must be a JSON array.");
        }
        return (List<?>) v;
    }
}
