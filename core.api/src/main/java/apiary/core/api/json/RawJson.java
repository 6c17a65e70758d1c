package apiary.core.api.json;

import java.util.Objects;

/**
 * JSON text that is already written, placed as it is wherever a value is serialised ({@link Json#write}, a route's
 * answer, a WebSocket message). For answers that repeat the same large objects: a model listing keeps each model's
 * JSON and writes it again without serialising the model anew.
 */
public final class RawJson {
    private final String json;

    private RawJson(String json) {
        this.json = json;
    }

    /**
     * @param json exactly one complete JSON value, as {@link Json#write} returned it; it is not checked again, so it
     *        must never be assembled from untrusted text
     * @return the value
     */
    public static RawJson of(String json) {
        return new RawJson(Objects.requireNonNull(json, "json"));
    }

    /** @return the JSON text */
    public String json() {
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawJson && ((RawJson) o).json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }
}
