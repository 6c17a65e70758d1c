package apiary.core.backends.internal.scheduler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendStatus;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.SlotState;

/**
 * A real pool and a real {@link SchedulerCore} on manual executors and a fake clock, with backends published the
 * way the registry publishes them.
 */
final class Harness {
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final AtomicLong millis = new AtomicLong(1_000);
    final ManualExecutor executor = new ManualExecutor();
    final BackendPool pool = new BackendPool(millis::get);
    final AtomicInteger restarts = new AtomicInteger();
    volatile SchedulerSettings settings = SchedulerSettings.DEFAULTS;
    final SchedulerCore core = new SchedulerCore(pool, () -> settings, nanos::get, executor, executor, executor,
            restarts::incrementAndGet);
    private final Map<Integer, BackendDTO> dtos = new TreeMap<>();
    private final Map<Integer, FakeBackend> backends = new TreeMap<>();
    private final Map<Integer, Long> epochs = new TreeMap<>();

    /** Adds a running backend that can load models, one usage, no model loaded, untracked model lists. */
    FakeBackend add(int id) {
        return add(id, dto -> { });
    }

    FakeBackend add(int id, Consumer<BackendDTO> tweak) {
        BackendDTO dto = new BackendDTO();
        dto.id = id;
        dto.type = "fake";
        dto.status = BackendStatus.RUNNING;
        dto.maxUsages = 1;
        tweak.accept(dto);
        FakeBackend b = new FakeBackend();
        dtos.put(id, dto);
        backends.put(id, b);
        epochs.put(id, 1L);
        publish(id);
        return b;
    }

    /** Changes a backend's snapshot and publishes it again (same life). */
    void change(int id, Consumer<BackendDTO> tweak) {
        tweak.accept(dtos.get(id));
        publish(id);
    }

    /** Retires the backend's current life, as an edit does; a fresh instance follows. */
    CompletableFuture<Void> restart(int id) {
        CompletableFuture<Void> drained = pool.retire(key(id)).toCompletableFuture();
        epochs.put(id, epochs.get(id) + 1);
        publish(id);
        return drained;
    }

    private static long key(int id) {
        return 1000L + id;
    }

    private void publish(int id) {
        BackendDTO snapshot = Snapshots.copy(dtos.get(id));
        pool.publish(new SlotState(key(id), id, epochs.get(id), snapshot, backends.get(id),
                model -> change(id, d -> d.currentModel = model)));
    }

    FakeBackend backend(int id) {
        return backends.get(id);
    }

    /** @return the stage of one acquisition for the session with no parameters */
    CompletableFuture<BackendLease> acquire(FakeSession s) {
        return acquire(BackendRequest.of(s, FakeParams.none()));
    }

    CompletableFuture<BackendLease> acquire(BackendRequest r) {
        return core.acquire(r).toCompletableFuture();
    }

    /** @return a lease for the request, after letting the scheduler run */
    BackendLease lease(BackendRequest r) {
        CompletableFuture<BackendLease> f = acquire(r);
        settle();
        return leaseOf(f);
    }

    /** Runs every pending pass, completion and load. */
    void settle() {
        executor.runAll();
    }

    void advanceMillis(long ms) {
        nanos.addAndGet(ms * 1_000_000L);
        millis.addAndGet(ms);
        core.signal();
        settle();
    }

    static BackendLease leaseOf(CompletableFuture<BackendLease> f) {
        assertTrue(f.isDone() && !f.isCompletedExceptionally(), "expected a lease, got " + f);
        return f.join();
    }

    /** @return the backend ids of the granted stages, in the order given, "-" for stages still waiting */
    static List<String> granted(List<CompletableFuture<BackendLease>> stages) {
        List<String> out = new ArrayList<>();
        for (CompletableFuture<BackendLease> f : stages) {
            out.add(f.isDone() && !f.isCompletedExceptionally() ? Integer.toString(f.join().backendId()) : "-");
        }
        return out;
    }

    static String failure(CompletableFuture<?> f) {
        assertTrue(f.isCompletedExceptionally(), "expected a failure, got " + f);
        try {
            f.join();
            throw new AssertionError("no failure");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause().getMessage();
        } catch (java.util.concurrent.CancellationException e) {
            return "cancelled";
        }
    }
}
