package apiary.core.models.internal.library;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The check after a restart waits for the framework and for the first listing's answer. */
class RestartCheckTest {
    @Test
    void startsOnceTheFrameworkIsUpAndAListingWasAnswered() throws Exception {
        RestartCheck check = new RestartCheck();
        CompletableFuture<Void> up = new CompletableFuture<>();
        CompletableFuture<Void> when = check.when(up).toCompletableFuture();
        check.listed();
        assertFalse(when.isDone(), "not before the framework is up");
        up.complete(null);
        when.get(RestartCheck.PAUSE_MS + 10_000, TimeUnit.MILLISECONDS);
    }
}
