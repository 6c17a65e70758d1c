package apiary.core.backends.internal.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;
import apiary.core.api.settings.SettingsTree;

/**
 * A backend's settings checked against its type's schema: stored by setting name, typed, complete, groups nested.
 * Incoming keys match names case-insensitively, as SwarmUI's do.
 */
final class BackendSettings {
    private BackendSettings() {
    }

    /**
     * @param schema the type's settings
     * @param stored stored or incoming values; unknown keys are ignored, missing ones take their defaults
     * @return every setting, typed
     * @throws IllegalArgumentException for a value that does not fit
     */
    static Map<String, Object> resolve(List<SettingDef> schema, Map<String, ?> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDef def : schema) {
            Object given = lookup(stored, def);
            if (def.type() == SettingType.GROUP) {
                out.put(def.name(), resolve(def.children(), given instanceof Map ? asMap(given) : Map.of()));
            } else {
                out.put(def.name(), given == null ? def.defaultValue() : SettingsTree.coerce(def, given));
            }
        }
        return out;
    }

    /**
     * Lays changes over resolved settings (SwarmUI's {@code EditBackend} merge).
     *
     * @param schema the type's settings
     * @param current the stored settings
     * @param changes incoming values; a secret sent back as the mask keeps its value
     * @return the merged, resolved settings
     * @throws IllegalArgumentException for a value that does not fit (a stored one included, unless changed)
     */
    static Map<String, Object> merge(List<SettingDef> schema, Map<String, ?> current, Map<String, ?> changes) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SettingDef def : schema) {
            Object old = lookup(current, def);
            Object given = lookup(changes, def);
            if (def.type() == SettingType.GROUP) {
                Map<String, ?> oldGroup = old instanceof Map ? asMap(old) : Map.of();
                Map<String, ?> newGroup = given instanceof Map ? asMap(given) : Map.of();
                out.put(def.name(), merge(def.children(), oldGroup, newGroup));
            } else if (given == null || (def.secret() && SettingsTree.SECRET_MASK.equals(given))) {
                out.put(def.name(), old == null ? def.defaultValue() : SettingsTree.coerce(def, old));
            } else {
                out.put(def.name(), SettingsTree.coerce(def, given));
            }
        }
        return out;
    }

    /**
     * @param schema the type's settings, or {@code null} when the type is not installed
     * @param settings resolved (or, without a schema, stored) settings
     * @return a copy for display: secrets masked; without a schema every value is masked, since any may be secret
     */
    static Map<String, Object> masked(List<SettingDef> schema, Map<String, ?> settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (schema == null) {
            settings.forEach((k, v) -> out.put(k, v instanceof Map ? masked(null, asMap(v)) : SettingsTree.SECRET_MASK));
            return out;
        }
        for (SettingDef def : schema) {
            Object v = settings.get(def.name());
            if (def.type() == SettingType.GROUP) {
                out.put(def.name(), masked(def.children(), v instanceof Map ? asMap(v) : Map.of()));
            } else {
                out.put(def.name(), def.secret() ? SettingsTree.SECRET_MASK : v);
            }
        }
        return out;
    }

    /**
     * Lays changes over settings stored without a schema (the type is not installed): keys replace
     * case-insensitively, the secret mask keeps the stored value, new keys are added.
     */
    static Map<String, Object> mergeUntyped(Map<String, Object> stored, Map<String, Object> changes) {
        Map<String, Object> out = new LinkedHashMap<>(stored);
        changes.forEach((key, value) -> {
            String existing = out.keySet().stream().filter(k -> k.equalsIgnoreCase(key)).findFirst().orElse(null);
            if (existing == null) {
                out.put(key, value);
            } else if (!SettingsTree.SECRET_MASK.equals(value)) {
                out.put(existing, value);
            }
        });
        return out;
    }

    private static Object lookup(Map<String, ?> values, SettingDef def) {
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(def.id())) {
                return e.getValue();
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(Object value) {
        return (Map<String, ?>) value;
    }
}
