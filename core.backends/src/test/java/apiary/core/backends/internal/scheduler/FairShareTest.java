package apiary.core.backends.internal.scheduler;

import static apiary.core.backends.internal.scheduler.Harness.leaseOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.session.StatusCounter;

import org.junit.jupiter.api.Test;

/** The order in which waiting images get backends: fair share between users, weights, FIFO, work stealing. */
class FairShareTest {
    private final Harness h = new Harness();

    private List<CompletableFuture<BackendLease>> queue(FakeSession s, int n) {
        List<CompletableFuture<BackendLease>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(h.acquire(s));
        }
        return out;
    }

    /** Closes the lease of the first granted stage in the list and lets the scheduler hand the backend on. */
    private void finishOne(List<CompletableFuture<BackendLease>> stages) {
        for (CompletableFuture<BackendLease> f : stages) {
            if (f.isDone() && !f.isCompletedExceptionally()) {
                BackendLease l = f.join();
                stages.remove(f);
                l.close();
                h.settle();
                return;
            }
        }
        throw new AssertionError("nothing running");
    }

    @Test
    void anotherUsersSingleImageDoesNotWaitBehindABigBatch() {
        h.add(1);
        h.add(2);
        FakeSession a = FakeSession.of("a");
        FakeSession b = FakeSession.of("b");
        List<CompletableFuture<BackendLease>> batch = queue(a, 40);
        h.settle();
        assertEquals(2, batch.stream().filter(CompletableFuture::isDone).count(), "both backends are busy with A's batch");
        CompletableFuture<BackendLease> single = h.acquire(b);
        h.settle();
        assertFalse(single.isDone());
        finishOne(batch);
        assertTrue(single.isDone(), "B's image gets the next free backend, not A's third");
        assertEquals(38, h.core.waiting(), "A: 40 minus the 2 running");
        assertEquals(38, a.count(StatusCounter.WAITING_BACKENDS));
        assertEquals(0, b.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void fifoPolicyServesInArrivalOrderLikeSwarmUI() {
        h.settings = new SchedulerSettings(true, 60_000, 60_000, false, false);
        h.add(1);
        FakeSession a = FakeSession.of("a");
        FakeSession b = FakeSession.of("b");
        List<CompletableFuture<BackendLease>> batch = queue(a, 3);
        CompletableFuture<BackendLease> single = h.acquire(b);
        h.settle();
        finishOne(batch);
        assertFalse(single.isDone(), "FIFO: A's second image was first");
        finishOne(batch);
        assertFalse(single.isDone());
        finishOne(batch);
        assertTrue(single.isDone());
    }

    @Test
    void usersAlternateWhileBothHaveWork() {
        h.add(1);
        FakeSession a = FakeSession.of("a");
        FakeSession c = FakeSession.of("c");
        List<CompletableFuture<BackendLease>> all = new ArrayList<>();
        List<String> order = new ArrayList<>();
        all.addAll(queue(a, 4));
        all.addAll(queue(c, 4));
        h.settle();
        for (int i = 0; i < 8; i++) {
            CompletableFuture<BackendLease> running = all.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow();
            order.add(all.indexOf(running) < 4 ? "a" : "c");
            all.set(all.indexOf(running), new CompletableFuture<>());
            running.join().close();
            h.settle();
        }
        assertEquals(List.of("a", "c", "a", "c", "a", "c", "a", "c"), order);
    }

    @Test
    void weightsSplitTheBackendsInProportion() {
        h.add(1);
        FakeSession heavy = new FakeSession("h", new FakeSession.FakeUser("heavy", 1000, 2));
        FakeSession light = new FakeSession("l", new FakeSession.FakeUser("light", 1000, 1));
        List<CompletableFuture<BackendLease>> hs = queue(heavy, 20);
        List<CompletableFuture<BackendLease>> ls = queue(light, 20);
        h.settle();
        int heavyServed = 0;
        for (int i = 0; i < 12; i++) {
            CompletableFuture<BackendLease> running = hs.stream().filter(CompletableFuture::isDone).findFirst()
                    .orElseGet(() -> ls.stream().filter(CompletableFuture::isDone).findFirst().orElseThrow());
            if (hs.remove(running)) {
                heavyServed++;
            } else {
                ls.remove(running);
            }
            running.join().close();
            h.settle();
        }
        assertEquals(8, heavyServed, "weight 2 against 1: two thirds of the images");
    }

    @Test
    void everyIdleBackendTakesWorkAtOnce() {
        for (int i = 1; i <= 8; i++) {
            h.add(i);
        }
        FakeSession a = FakeSession.of("a");
        List<CompletableFuture<BackendLease>> batch = queue(a, 8);
        h.settle();
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), Harness.granted(batch));
        assertEquals(0, a.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void aBackendWithRoomForSeveralTakesSeveral() {
        h.add(1, d -> d.maxUsages = 3);
        h.add(2);
        FakeSession a = FakeSession.of("a");
        List<CompletableFuture<BackendLease>> batch = queue(a, 5);
        h.settle();
        assertEquals(List.of("1", "2", "1", "1", "-"), Harness.granted(batch), "least used first, each up to its max usages");
        BackendLease first = leaseOf(batch.get(0));
        first.close();
        first.close();
        h.settle();
        assertEquals("1", Harness.granted(batch).get(4), "a second close released nothing more");
        assertEquals(3, h.pool.viewOf(1).usages());
    }
}
