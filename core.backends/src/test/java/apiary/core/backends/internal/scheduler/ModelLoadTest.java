package apiary.core.backends.internal.scheduler;

import static apiary.core.backends.internal.scheduler.Harness.failure;
import static apiary.core.backends.internal.scheduler.Harness.leaseOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.session.StatusCounter;

import org.junit.jupiter.api.Test;

/** Pressure-driven model loads and SelectModel's explicit loads. */
class ModelLoadTest {
    private final Harness h = new Harness();
    private final FakeSession s = FakeSession.of("u");

    private CompletableFuture<BackendLease> ask(String model) {
        CompletableFuture<BackendLease> f = h.acquire(BackendRequest.of(s, FakeParams.model(model)));
        h.settle();
        return f;
    }

    @Test
    void pressureBuildsUpThenTheLeastRecentlyUsedBackendLoads() {
        h.add(1);
        h.add(2);
        h.add(3);
        // Backend 1 and 3 were used (and released) more recently than 2.
        h.millis.set(5_000);
        h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(1)).close();
        h.settle();
        CompletableFuture<BackendLease> f = ask("m.safetensors");
        h.advanceMillis(1000);
        assertTrue(h.backend(1).loads.isEmpty() && h.backend(2).loads.isEmpty() && h.backend(3).loads.isEmpty(),
                "three loaders could take it: SwarmUI waits until the pressure is 1.5 s old");
        h.advanceMillis(600);
        assertEquals(List.of("m.safetensors"), h.backend(2).loads, "last_used: the one released longest ago");
        assertEquals(2, leaseOf(f).backendId());
        assertEquals(0, s.count(StatusCounter.LOADING_MODELS));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void firstFreePicksTheFirstBackend() {
        h.settings = new SchedulerSettings(false, 60_000, 60_000, false, true);
        h.add(1);
        h.add(2);
        h.millis.set(10);
        h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(2)).close();
        h.millis.set(5_000);
        h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(1)).close();
        h.settle();
        CompletableFuture<BackendLease> f = ask("m");
        h.advanceMillis(1600);
        assertEquals(1, leaseOf(f).backendId());
    }

    @Test
    void theLoadWaitsForTheRunningJobAndCountsAsLoading() {
        h.add(1);
        BackendLease busy = h.lease(BackendRequest.of(s, FakeParams.none()));
        CompletableFuture<BackendLease> f = ask("m");
        h.advanceMillis(2000);
        assertTrue(h.backend(1).loads.isEmpty(), "no load while a generation runs on the backend");
        busy.close();
        h.settle();
        assertEquals(List.of("m"), h.backend(1).loads);
        assertEquals(1, leaseOf(f).backendId());
    }

    @Test
    void loadingModelsCountsEverySessionWaitingOnTheLoad() {
        FakeBackend one = h.add(1);
        FakeSession other = FakeSession.of("other");
        AtomicInteger seenMine = new AtomicInteger(-1);
        AtomicInteger seenTheirs = new AtomicInteger(-1);
        one.loadResult = m -> {
            seenMine.set(s.count(StatusCounter.LOADING_MODELS));
            seenTheirs.set(other.count(StatusCounter.LOADING_MODELS));
            return true;
        };
        BackendLease busy = h.lease(BackendRequest.of(s, FakeParams.none()));
        AtomicInteger notified = new AtomicInteger();
        CompletableFuture<BackendLease> mine = h.acquire(BackendRequest.of(s, FakeParams.model("m")).onModelLoad(notified::incrementAndGet));
        CompletableFuture<BackendLease> theirs = h.acquire(BackendRequest.of(other, FakeParams.model("m")));
        h.settle();
        busy.close();
        h.settle();
        assertEquals(1, seenMine.get(), "each session waiting on the model counts one load while it runs");
        assertEquals(1, seenTheirs.get());
        assertEquals(1, notified.get(), "the request was told once that a load started for it");
        assertEquals(0, s.count(StatusCounter.LOADING_MODELS));
        assertEquals(0, other.count(StatusCounter.LOADING_MODELS));
        assertEquals(List.of("m"), one.loads, "one load serves both");
        assertFalse(mine.isDone(), "fair share: this user already had an image run, the other had none");
        leaseOf(theirs).close();
        h.settle();
        leaseOf(mine).close();
        assertEquals(List.of("m"), one.loads);
    }

    @Test
    void aFailedLoadTriesAnotherBackendThenGivesUp() {
        FakeBackend one = h.add(1);
        FakeBackend two = h.add(2);
        one.loadResult = m -> false;
        two.loadResult = m -> {
            throw new IllegalStateException("ERROR: Could not detect model type of: m");
        };
        CompletableFuture<BackendLease> f = ask("m");
        h.advanceMillis(1600);
        h.advanceMillis(10);
        h.advanceMillis(10);
        assertEquals(List.of("m"), one.loads);
        assertEquals(List.of("m"), two.loads);
        assertEquals("All available backends failed to load the model 'm'.\n\n"
                + "Possible reason: Backend #1 could not load the model.\n\n"
                + "Possible reason: ERROR: Could not detect model type of: m", failure(f));
        assertEquals(0, s.count(StatusCounter.LOADING_MODELS));
        assertEquals(0, s.count(StatusCounter.WAITING_BACKENDS));
    }

    @Test
    void selectModelLoadsOnEveryBackendInTurn() {
        h.add(1);
        h.add(2);
        h.add(3, d -> d.canLoadModels = false);
        BackendLease busy = h.lease(BackendRequest.of(s, FakeParams.none()).onBackend(2));
        CompletableFuture<Integer> loaded = h.core.loadModel(BackendRequest.of(s, null), "m").toCompletableFuture();
        h.settle();
        assertEquals(2, s.count(StatusCounter.LOADING_MODELS), "one per backend that can load");
        assertEquals(List.of("m"), h.backend(1).loads);
        assertFalse(loaded.isDone(), "backend 2 is still busy");
        busy.close();
        h.settle();
        assertEquals(2, loaded.join());
        assertEquals(List.of("m"), h.backend(2).loads);
        assertTrue(h.backend(3).loads.isEmpty());
        assertEquals(0, s.count(StatusCounter.LOADING_MODELS));
        assertEquals(1, leaseOf(ask("m")).backendId(), "both now have it loaded");
    }

    @Test
    void selectModelOnOneBackendAndWithoutAny() {
        assertEquals(0, h.core.loadModel(BackendRequest.of(s, null), "m").toCompletableFuture().join());
        h.add(1).loadResult = m -> false;
        h.add(2);
        CompletableFuture<Integer> one = h.core.loadModel(BackendRequest.of(s, null).onBackend(1), "m").toCompletableFuture();
        h.settle();
        assertEquals(0, one.join(), "the only chosen backend failed");
        assertTrue(h.backend(2).loads.isEmpty());
    }
}
