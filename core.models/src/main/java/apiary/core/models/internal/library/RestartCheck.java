package apiary.core.models.internal.library;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * When the background check of a stored listing starts after a restart: once the framework is up and the first
 * listing has been answered (with a moment for its answer to go out), at the latest a few seconds after the framework
 * is up. The check walks every folder and reads the metadata cache; on two cores it otherwise runs beside the first
 * listing, which is what a restart is waited on for.
 */
final class RestartCheck {
    /** How long the first listing's answer gets to be written before the check starts. */
    static final long PAUSE_MS = 300;
    /** The latest the check starts after the framework is up, when no listing is asked for. */
    static final long LATEST_MS = 3000;

    private final CompletableFuture<Void> answered = new CompletableFuture<>();

    /** Says that a listing has been answered. */
    void listed() {
        answered.complete(null);
    }

    /**
     * @param up when the framework is up
     * @return when the check may start
     */
    CompletionStage<Void> when(CompletionStage<Void> up) {
        return up.thenCompose(ready -> answered.copy().completeOnTimeout(null, LATEST_MS, TimeUnit.MILLISECONDS))
                .thenRunAsync(() -> { }, CompletableFuture.delayedExecutor(PAUSE_MS, TimeUnit.MILLISECONDS));
    }
}
