package apiary.core.api.backend;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The configured backends: persisted entries, each driven by the {@link BackendType} its {@code type} names.
 * Entries survive restarts; an entry whose type is not installed is kept, shown as {@link BackendStatus#ERRORED}
 * with a {@link BackendDTO#statusMessage} saying so, and starts when its type appears.
 *
 * <p>Mutating methods persist before they return and start or stop instances in the background; they throw
 * {@link IllegalArgumentException} with a user-facing message for bad input.
 */
@ProviderType
public interface BackendRegistry {
    /** @return every configured backend, ordered by id */
    List<BackendDTO> backends();

    /**
     * @param id a backend id
     * @return that backend
     */
    Optional<BackendDTO> backend(int id);

    /** @return the installed backend types, ordered by id */
    List<BackendTypeInfo> types();

    /**
     * Adds and persists a backend entry, then starts it if its type is installed. When the type is installed the
     * settings are checked against its schema and stored complete (defaults filled in); otherwise they are stored
     * as given and checked when the type appears.
     *
     * @param typeId the backend type id, e.g. {@code comfyui_api}
     * @param title a title, may be empty
     * @param settings the type's settings by name (case-insensitive); missing ones take their defaults
     * @return the new entry
     * @throws IllegalArgumentException for a blank type id or a setting value that does not fit the schema
     */
    BackendDTO add(String typeId, String title, Map<String, Object> settings);

    /**
     * Changes an entry (SwarmUI's {@code EditBackend}): shuts it down, optionally moves it to a new id, merges the
     * given settings over the stored ones (keys case-insensitive; a value equal to the secret mask keeps the stored
     * secret), sets the title, increments its modcount and starts it again.
     *
     * @param id the backend id
     * @param newId the id to move it to, or -1 to keep its id
     * @param title the new title, or {@code null} to keep it
     * @param settings the settings to change
     * @return the changed entry
     * @throws IllegalArgumentException for an unknown id ({@code Invalid backend ID N}), a taken new id
     *         ({@code Backend ID N is already in use.}) or a setting value that does not fit the schema
     */
    BackendDTO edit(int id, int newId, String title, Map<String, Object> settings);

    /**
     * Shuts a backend down and deletes its entry.
     *
     * @param id the backend id
     * @return false when there was no such backend
     */
    boolean remove(int id);

    /**
     * Enables (and starts) or disables (and shuts down) a backend; the flag is persisted.
     *
     * @param id the backend id
     * @param enabled the new flag
     * @return whether the flag changed
     * @throws IllegalArgumentException for an unknown id
     */
    boolean setEnabled(int id, boolean enabled);

    /**
     * Shuts a backend down and starts it again with a fresh instance and fresh init attempts.
     *
     * @param id the backend id
     * @return false when there was no such backend
     */
    boolean restart(int id);

    /**
     * Asks every running {@link RefreshableBackend} to refresh its lists ({@code TriggerRefresh}), all at once.
     *
     * @return completes when every one has finished (failures are logged), with how many were asked
     * @since 1.2
     */
    default CompletionStage<Integer> refresh() {
        return java.util.concurrent.CompletableFuture.completedFuture(0);
    }

    /** @return the status summary over all backends ({@code backend_status} and {@code supported_features}) */
    BackendStatusReport status();
}
