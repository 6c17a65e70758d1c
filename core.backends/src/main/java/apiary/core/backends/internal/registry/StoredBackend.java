package apiary.core.backends.internal.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One backend entry as persisted.
 *
 * @param id the backend id
 * @param type the backend type id
 * @param title the title
 * @param enabled the admin's flag
 * @param settings the settings by name
 * @param modcount the edit counter
 */
record StoredBackend(int id, String type, String title, boolean enabled, Map<String, Object> settings, int modcount) {
    /** Keeps the settings' order, which is the order they are shown in. */
    StoredBackend {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
