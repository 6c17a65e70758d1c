package apiary.backend.comfy.internal.backend;

import java.util.Map;

/** Typed reads of a backend entry's settings map (already checked against the type's schema by the registry). */
public final class ComfySettings {
    private final Map<String, Object> values;

    /** @param values the entry's settings */
    public ComfySettings(Map<String, Object> values) {
        this.values = values;
    }

    /** @param name a text or dropdown setting @return its value, never null */
    public String text(String name) {
        Object v = values.get(name);
        return v == null ? "" : String.valueOf(v).trim();
    }

    /** @param name a boolean setting @return its value */
    public boolean flag(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    /** @param name an integer setting @param fallback when absent @return its value */
    public long integer(String name, long fallback) {
        Object v = values.get(name);
        return v instanceof Number ? ((Number) v).longValue() : fallback;
    }
}
