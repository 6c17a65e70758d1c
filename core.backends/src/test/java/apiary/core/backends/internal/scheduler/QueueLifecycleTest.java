package apiary.core.backends.internal.scheduler;

import static apiary.core.backends.internal.scheduler.Harness.failure;
import static apiary.core.backends.internal.scheduler.Harness.leaseOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.session.StatusCounter;

import org.junit.jupiter.api.Test;

/** Every way a waiting request ends: timeouts, interrupts, cancellation, the queue limit, shutdown; counters exact. */
class QueueLifecycleTest {
    private final Harness h = new Harness();
    private final FakeSession s = FakeSession.of("u");

    private void assertCountersZero(FakeSession session) {
        for (StatusCounter c : StatusCounter.values()) {
            assertEquals(0, session.count(c), c.key());
        }
    }

    private BackendLease occupy() {
        h.add(1);
        return h.lease(BackendRequest.of(s, FakeParams.none()));
    }

    /**
     * The hand-off gap (bench/schedule.sh): a backend that comes free gets its next request from a pass run by the
     * releasing thread, so nothing waits for the dispatcher thread to wake; the caller's stage still completes on
     * the hand-off executor, never inside {@code lease.close()}.
     */
    @Test
    void aReleasedBackendIsHandedTheNextRequestByTheReleasingThread() {
        BackendLease first = occupy();
        CompletableFuture<BackendLease> next = h.acquire(s);
        h.settle();
        assertFalse(next.isDone());
        first.close();
        assertFalse(next.isDone(), "not completed inside close()");
        assertEquals(1, h.executor.runAll(), "only the completion was left to run: no dispatcher pass was needed");
        assertEquals(1, leaseOf(next).backendId());
        leaseOf(next).close();
        h.settle();
        assertCountersZero(s);
    }

    /**
     * A release while a dispatcher pass is queued (a request just arrived, the dispatcher thread not yet awake) is
     * not left to that pass: the releasing thread claims the backend for the waiting request before close() returns
     * (bench/schedule.sh counted that wait as a free backend while work waited).
     */
    @Test
    void aReleaseDoesNotWaitForAQueuedDispatcherPass() {
        BackendLease first = occupy();
        CompletableFuture<BackendLease> next = h.acquire(s);
        h.settle();
        h.core.signal();
        first.close();
        assertEquals(1, h.pool.viewOf(1).usages(), "claimed for the waiting request inside close()");
        assertFalse(next.isDone(), "not completed inside close()");
        h.settle();
        assertEquals(1, leaseOf(next).backendId());
        leaseOf(next).close();
        h.settle();
        assertCountersZero(s);
    }

    @Test
    void aRequestTimesOutWithSwarmUIsMessage() {
        occupy();
        CompletableFuture<BackendLease> f = h.acquire(BackendRequest.of(s, FakeParams.none()).withTimeout(Duration.ofSeconds(5)));
        h.settle();
        h.advanceMillis(4_000);
        assertFalse(f.isDone());
        h.advanceMillis(1_000);
        assertEquals("Timeout! All backends are occupied with other tasks.", failure(f));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void theDefaultWaitIsThePerRequestTimeoutSetting() {
        h.settings = new SchedulerSettings(false, 60_000, 600_000, false, false);
        occupy();
        CompletableFuture<BackendLease> f = h.acquire(s);
        h.settle();
        h.advanceMillis(60_000);
        assertEquals("Timeout! All backends are occupied with other tasks.", failure(f));
    }

    @Test
    void aStalledQueueFailsEveryoneOrRestartsTheBackends() {
        h.settings = new SchedulerSettings(false, 600_000_000, 120_000, false, false);
        occupy();
        CompletableFuture<BackendLease> a = h.acquire(s);
        CompletableFuture<BackendLease> b = h.acquire(FakeSession.of("other"));
        h.settle();
        h.advanceMillis(120_001);
        assertEquals("No backend has responded in 2 minutes.", failure(a));
        assertEquals("No backend has responded in 2 minutes.", failure(b));

        h.settings = new SchedulerSettings(false, 600_000_000, 120_000, true, false);
        CompletableFuture<BackendLease> c = h.acquire(s);
        h.settle();
        h.advanceMillis(120_001);
        assertFalse(c.isDone(), "with ForceRestartOnTimeout the request keeps waiting");
        assertEquals(1, h.restarts.get());
    }

    @Test
    void anInterruptWithdrawsTheRequestAndOnlyThatSessionsOwn() {
        BackendLease running = occupy();
        FakeSession other = FakeSession.of("other");
        CompletableFuture<BackendLease> mine = h.acquire(s);
        CompletableFuture<BackendLease> theirs = h.acquire(other);
        h.settle();
        FakeSession.Token token = (FakeSession.Token) s.interruptToken();
        s.interrupt();
        h.settle();
        assertEquals("cancelled", failure(mine));
        assertEquals(0, token.registered(), "the interrupt action was removed");
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
        assertFalse(theirs.isDone());
        running.close();
        h.settle();
        assertTrue(theirs.isDone(), "the interrupted request's turn went to the next one");
        leaseOf(theirs).close();
        assertCountersZero(s);
        assertCountersZero(other);
    }

    @Test
    void anAlreadyInterruptedTokenFailsAtOnce() {
        occupy();
        FakeSession.Token token = new FakeSession.Token();
        token.cancel();
        CompletableFuture<BackendLease> f = h.acquire(BackendRequest.of(s, FakeParams.none()).withInterrupt(token));
        h.settle();
        assertEquals("cancelled", failure(f));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void cancellingTheStageWithdrawsTheRequest() {
        BackendLease running = occupy();
        CompletableFuture<BackendLease> f = h.acquire(s);
        h.settle();
        f.cancel(true);
        h.settle();
        assertEquals(0, h.core.waiting());
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
        running.close();
        h.settle();
        assertEquals(0, h.pool.viewOf(1).usages(), "nobody holds the backend");
    }

    @Test
    void aLeaseGrantedAfterTheCallerGaveUpIsReleased() {
        h.add(1);
        CompletableFuture<BackendLease> f = h.acquire(s);
        h.core.signal();
        // The pass grants, but the caller cancels before the hand-off completes its stage.
        h.executor.runAll();
        assertTrue(f.isDone());
        CompletableFuture<BackendLease> g = h.acquire(s);
        g.cancel(true);
        leaseOf(f).close();
        h.settle();
        assertEquals(0, h.pool.viewOf(1).usages());
        assertCountersZero(s);
    }

    @Test
    void theRoleLimitsQueuedImages() {
        FakeSession limited = new FakeSession("l", new FakeSession.FakeUser("limited", 2, 1));
        h.add(1);
        BackendLease running = h.lease(BackendRequest.of(limited, FakeParams.none()));
        CompletableFuture<BackendLease> queued = h.acquire(limited);
        CompletableFuture<BackendLease> refused = h.acquire(limited);
        h.settle();
        assertEquals("You already have 2 image(s) queued or running, the most your role allows (2). Wait for some of "
                + "them to finish, or ask an admin to raise the limit.", failure(refused));
        assertEquals(1, limited.count(StatusCounter.WAITING_BACKENDS));
        running.close();
        h.settle();
        CompletableFuture<BackendLease> again = h.acquire(limited);
        h.settle();
        assertFalse(again.isCompletedExceptionally(), "one finished, so one more may queue");
        leaseOf(queued).close();
        h.settle();
        leaseOf(again).close();
        assertCountersZero(limited);
    }

    @Test
    void closingFailsEveryWaitingRequest() {
        occupy();
        CompletableFuture<BackendLease> f = h.acquire(s);
        h.settle();
        h.core.close();
        h.settle();
        assertEquals("Backend handler is shutting down.", failure(f));
        assertEquals("Backend handler is shutting down.", failure(h.acquire(s)));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void aRetiredBackendDrainsBeforeItsOldInstanceMayStop() {
        h.add(1);
        h.add(2);
        BackendLease onOne = h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(1));
        CompletableFuture<Void> drained = h.restart(1);
        assertFalse(drained.isDone(), "a job still runs on the old instance");
        BackendLease next = h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(1));
        assertEquals(1, next.backendId(), "the new instance takes work at once");
        onOne.close();
        assertTrue(drained.isDone());
        onOne.close();
        assertEquals(1, h.pool.viewOf(1).usages(), "closing the old lease twice changed the new instance's claims not at all");
        next.close();
        h.settle();
        assertCountersZero(s);
    }
}
