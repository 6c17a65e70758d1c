package apiary.core.api.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link Backend} whose lists (models, features) come from somewhere that can be asked to look again, such as a
 * remote server: {@code TriggerRefresh} reaches it through {@link BackendRegistry#refresh()}.
 *
 * @since 1.2
 */
@ConsumerType
public interface RefreshableBackend extends Backend {
    /**
     * Rescans (asks the remote to rescan its models) and reports the new lists through the context. Called on a
     * core thread, only while the backend is running.
     *
     * @throws Exception when the refresh failed; logged, the old lists stay
     */
    void refresh() throws Exception;
}
