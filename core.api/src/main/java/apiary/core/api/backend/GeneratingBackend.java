package apiary.core.api.backend;

import java.util.Optional;

import apiary.core.api.t2i.T2IRequest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A {@link Backend} that renders images. The scheduler only hands work to instances of this sub-interface; a backend
 * that implements plain {@link Backend} (a connection monitor, say) is listed and managed but never gets a job.
 *
 * <p>The core calls these methods on its own threads, at most {@code max_usages} {@link #generate} calls at once per
 * instance (see {@link BackendContext#setMaxUsages}), and never during {@link #init()} or after {@link #shutdown()}.
 * Drivers do not queue or schedule: when {@code generate} is called, the work is theirs to run now.
 */
@ConsumerType
public interface GeneratingBackend extends Backend {
    /**
     * Runs one generation: reads the parameters from {@link GenerationJob#request()}, reports progress, previews and
     * outputs through the job, and returns when the backend has finished with it. The job's
     * {@link GenerationJob#interrupt() interrupt token} is cancelled when the user interrupts or the job times out:
     * stop as soon as possible and return (throwing is fine too).
     *
     * @param job the job to run
     * @throws GenerationException with a user-facing message when the generation fails for a reason the user should
     *         see (for example {@code ComfyUI execution error: ...}), or {@link GenerationException#redirect} when
     *         this backend cannot take the job after all and another backend should
     * @throws Exception for anything else; the user sees a generic failure and the log gets the details
     */
    void generate(GenerationJob job) throws Exception;

    /**
     * Loads a model so that later generations with it start at once (SwarmUI's {@code LoadModel}). Called only for
     * backends that reported {@link BackendContext#setCanLoadModels can load models}, never while a generation runs on
     * the instance. On success the backend reports the model through {@link BackendContext#setCurrentModel}.
     *
     * @param model the model name as the model library lists it, e.g. {@code OfficialStableDiffusion/sd_xl_base_1.0.safetensors}
     * @param request the parameters of the request that caused the load (VAE and text encoder choices), or
     *        {@code null} for an explicit {@code SelectModel}
     * @return whether the model is now loaded
     * @throws Exception when loading failed; treated like {@code false}, with the message in the log
     */
    default boolean loadModel(String model, T2IRequest request) throws Exception {
        return false;
    }

    /**
     * The backend's own check whether it can serve a request at all, beyond features and model lists (SwarmUI's
     * {@code IsValidForThisBackend}; e.g. a custom workflow using a node class this server lacks).
     *
     * @param request the parsed parameters
     * @return a human-readable reason why this backend must not take the request, or empty when it can
     */
    default Optional<String> refusalReason(T2IRequest request) {
        return Optional.empty();
    }
}
