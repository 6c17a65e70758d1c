package apiary.core.api.backend;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Hands out running {@link GeneratingBackend}s to image tasks: SwarmUI's backend choice (filter, claims against
 * {@code max_usages}, model-aware dispatch with model loads) plus a fair share between users, so that one user's
 * big batch never makes another user's single image wait behind it. Callers never block: an acquisition completes
 * when a backend is free for it.
 *
 * <p>The scheduler keeps the session's {@code waiting_backends} and {@code loading_models} counters exact while a
 * request waits or a model loads for it; the caller keeps {@code waiting_gens} and {@code live_gens}.
 */
@ProviderType
public interface BackendScheduler {
    /**
     * Queues a request for a backend.
     *
     * @param request what the task needs and on whose behalf it asks
     * @return completes with a lease when a backend has been claimed for the task, or exceptionally with a
     *         {@link GenerationException} carrying SwarmUI's message ({@code No backends available!},
     *         {@code No backends match the settings of the request given!...},
     *         {@code Timeout! All backends are occupied with other tasks.}, a queue-limit refusal) or when the
     *         request's interrupt token is cancelled. Cancelling the returned stage's future withdraws the request.
     */
    CompletionStage<BackendLease> acquire(BackendRequest request);

    /**
     * Loads a model on every running backend that can load models, or on one ({@code SelectModel}): each in turn
     * is reserved, waited for until it is free, and asked to load.
     *
     * @param request the session asking (its {@code loading_models} counter covers the load) and, through
     *        {@link BackendRequest#exactBackendId()}, optionally the one backend to use
     * @param model the model name
     * @return completes with the number of backends that loaded the model (0: none could)
     */
    CompletionStage<Integer> loadModel(BackendRequest request, String model);
}
