package apiary.core.api.backend;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the core hands a {@link Backend} instance: its id and settings, and the setters through which it reports
 * its state. Updates from an instance that has since been shut down (or replaced after an edit or restart) are
 * ignored, so a late callback of an old instance can never overwrite the state of the current one.
 */
@ProviderType
public interface BackendContext {
    /** @return the id of the configured backend entry */
    int id();

    /**
     * @return the entry's settings checked against the type's schema: every setting by its
     *         {@link apiary.core.api.settings.SettingDef#name() name}, typed as its {@link apiary.core.api.settings.SettingType}
     *         says, defaults filled in, groups as nested maps; secrets in clear
     */
    Map<String, Object> settings();

    /** @return the current status of the entry */
    BackendStatus status();

    /**
     * Reports a status change: {@link BackendStatus#RUNNING}, {@link BackendStatus#IDLE}, {@link BackendStatus#LOADING}
     * or {@link BackendStatus#ERRORED} (a backend that crashed after starting; an admin restart brings it back).
     *
     * @param status the new status
     * @throws IllegalArgumentException for {@link BackendStatus#WAITING} and {@link BackendStatus#DISABLED}, which
     *         only the registry sets
     */
    void setStatus(BackendStatus status);

    /**
     * Replaces the feature flags the backend supports (for example {@code comfyui}, {@code refiners}); they appear
     * in {@code supported_features} while the backend is enabled and not idle.
     *
     * @param features feature ids
     */
    void setFeatures(Collection<String> features);

    /** @param maxUsages how many generations may run on the backend at once; 0 keeps it out of generation work */
    void setMaxUsages(int maxUsages);

    /** @param canLoadModels whether the backend can switch models on request */
    void setCanLoadModels(boolean canLoadModels);

    /**
     * @param models the model names the backend can use, by model subtype ({@code Stable-Diffusion}, {@code LoRA},
     *        {@code VAE}...); {@code null} means the backend does not track model lists
     */
    void setModels(Map<String, List<String>> models);

    /** @param modelName the model currently loaded, or {@code null} */
    void setCurrentModel(String modelName);

    /**
     * Adds a human-readable line to the load-status report shown while the backend is waiting or loading.
     *
     * @param message e.g. {@code "Starting ComfyUI process..."}
     */
    void reportLoadStatus(String message);

    /**
     * Publishes a non-real child backend of this entry (a backend of a remote server, say). The child is listed and
     * scheduled like any other backend once its instance is attached; it goes when closed or when this instance is
     * shut down or replaced. A parent whose own instance should not take generations reports
     * {@link #setMaxUsages max usages} 0.
     *
     * @param title the child's title
     * @return the child's context
     * @throws UnsupportedOperationException when the context cannot hold children (a child's own context, a test double)
     * @since 1.2
     */
    default ChildBackend addChild(String title) {
        throw new UnsupportedOperationException("This backend context cannot hold child backends");
    }
}
