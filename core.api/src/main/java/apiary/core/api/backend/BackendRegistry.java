package apiary.core.api.backend;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** The configured backends: persisted entries, each driven by the backend type its {@code type} names. */
@ProviderType
public interface BackendRegistry {
    /** @return every configured backend, by id */
    List<BackendDTO> backends();

    /**
     * Adds and persists a backend entry, then starts it if its type is available.
     *
     * @param typeId the backend type id, e.g. {@code comfyui_api}
     * @param title a title, may be empty
     * @param settings the type's settings
     * @return the new entry
     */
    BackendDTO add(String typeId, String title, Map<String, Object> settings);

    /** @return the status summary over all backends */
    BackendStatusReport status();
}
