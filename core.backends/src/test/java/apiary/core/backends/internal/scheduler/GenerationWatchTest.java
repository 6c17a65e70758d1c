package apiary.core.backends.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.t2i.T2IRequest;

import org.junit.jupiter.api.Test;

/**
 * A backend that hangs inside generate: past {@code backends.maxtimeoutminutes} its job is interrupted and fails with
 * the reason, the lease goes back, and the backend serves the next request; the user's own token is not touched.
 */
class GenerationWatchTest {
    private static final long LIMIT_MS = SchedulerSettings.DEFAULTS.maxTimeoutMillis();

    private final Harness h = new Harness();
    private final FakeSession s = FakeSession.of("u");

    @Test
    void aHangingGenerationIsInterruptedAtTheLimitAndFailsWithTheReason() throws Exception {
        FakeBackend b = h.add(1);
        CountDownLatch running = new CountDownLatch(1);
        b.generator = job -> {
            CountDownLatch stop = new CountDownLatch(1);
            try (AutoCloseable registration = job.interrupt().onInterrupt(stop::countDown)) {
                running.countDown();
                stop.await(); // hangs until interrupted, like a stuck driver that still honours interrupts
            }
        };
        BackendLease lease = h.lease(BackendRequest.of(s, FakeParams.none()));
        CompletableFuture<Throwable> generation = generateInBackground(lease);
        assertTrue(running.await(10, TimeUnit.SECONDS));

        h.advanceMillis(LIMIT_MS - 1_000);
        assertFalse(generation.isDone(), "still within the limit");
        h.advanceMillis(2_000);
        Throwable failure = generation.get(10, TimeUnit.SECONDS);
        assertTrue(failure instanceof GenerationException, String.valueOf(failure));
        assertEquals("The backend did not finish the generation within 120 minute(s) (server setting MaxTimeoutMinutes), "
                + "so it was interrupted.", failure.getMessage());
        assertFalse(s.interruptToken().isInterrupted(), "the user did not interrupt anything");

        b.generator = job -> { };
        BackendLease next = h.lease(BackendRequest.of(s, FakeParams.none()));
        assertEquals(1, next.backendId(), "the lease went back, and the backend takes the next job");
        assertNull(generateInBackground(next).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aGenerationWithinTheLimitSeesOnlyTheUsersInterrupt() throws Exception {
        FakeBackend b = h.add(1);
        CountDownLatch running = new CountDownLatch(1);
        b.generator = job -> {
            CountDownLatch stop = new CountDownLatch(1);
            try (AutoCloseable registration = job.interrupt().onInterrupt(stop::countDown)) {
                running.countDown();
                stop.await();
            }
            assertTrue(job.interrupt().isInterrupted());
        };
        BackendLease lease = h.lease(BackendRequest.of(s, FakeParams.none()));
        CompletableFuture<Throwable> generation = generateInBackground(lease);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        h.advanceMillis(LIMIT_MS / 2);
        s.interrupt();
        assertNull(generation.get(10, TimeUnit.SECONDS), "the driver returned; the pipeline reports the interrupt itself");
    }

    private CompletableFuture<Throwable> generateInBackground(BackendLease lease) {
        InterruptToken token = s.interruptToken();
        return CompletableFuture.supplyAsync(() -> {
            try (lease) {
                lease.backend().generate(job(token));
                return null;
            } catch (Exception e) {
                return e;
            }
        });
    }

    private static GenerationJob job(InterruptToken token) {
        return new GenerationJob() {
            @Override public T2IRequest request() { return FakeParams.none(); }
            @Override public InterruptToken interrupt() { return token; }
            @Override public int backendId() { return 1; }
            @Override public void progress(double overall, double current) { }
            @Override public void preview(byte[] image, String mediaType) { }
            @Override public void output(byte[] data, String mediaType) { }
            @Override public void intermediateOutput(byte[] data, String mediaType) { }
        };
    }
}
