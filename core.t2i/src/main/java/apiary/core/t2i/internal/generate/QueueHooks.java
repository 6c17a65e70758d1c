package apiary.core.t2i.internal.generate;

import java.util.concurrent.CompletableFuture;

import apiary.core.t2i.internal.params.T2IRequestImpl;

/** Told when the server's queue starts and ends and when images are made: SwarmUI's server-wide webhooks. */
public interface QueueHooks {
    /** Does nothing. */
    QueueHooks NONE = new QueueHooks() { };

    /** @return completes when the job's tasks may start (after the queue-start webhook, when one is due) */
    default CompletableFuture<Void> jobStarting() {
        return CompletableFuture.completedFuture(null);
    }

    /** The job that {@link #jobStarting} let start has ended. */
    default void jobEnded(T2IRequestImpl request) {
    }

    /** @param params the image's parameters @param batchId its batch index @param url where it was saved */
    default void imageSaved(T2IRequestImpl params, String batchId, String url) {
    }
}
