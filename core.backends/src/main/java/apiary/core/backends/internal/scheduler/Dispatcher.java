package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import apiary.core.api.backend.GenerationException;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.PoolView;
import apiary.core.backends.internal.pool.Slot;
import apiary.core.backends.internal.pool.SlotView;

/**
 * One pass over the waiting requests (SwarmUI's {@code RequestHandlingLoop} body), run by one thread at a time:
 * filter each request against the current pool (outside every lock, since the backend's own check is
 * backend code), then under the queue lock expire requests, fail those no backend can ever take, hand every free
 * backend a request it can serve (in fair or arrival order), and plan model loads; then interrupt generations
 * that have run past the time limit ({@link GenerationWatch}).
 */
final class Dispatcher {
    private static final System.Logger LOG = System.getLogger(Dispatcher.class.getName());
    static final String TIMEOUT = "Timeout! All backends are occupied with other tasks.";
    static final String NO_BACKENDS = "No backends available!";
    static final String NO_MATCH = "No backends match the settings of the request given!";

    private final QueueState state;
    private final BackendPool pool;
    private final ModelLoader loader;
    private final Supplier<SchedulerSettings> settings;
    private final LongSupplier nanos;
    private final Runnable restartAll;
    private final GenerationWatch watch;

    Dispatcher(QueueState state, BackendPool pool, ModelLoader loader, Supplier<SchedulerSettings> settings,
            LongSupplier nanos, Runnable restartAll, GenerationWatch watch) {
        this.watch = watch;
        this.state = state;
        this.pool = pool;
        this.loader = loader;
        this.settings = settings;
        this.nanos = nanos;
        this.restartAll = restartAll;
    }

    void pass() {
        PoolView view = pool.view();
        List<PendingRequest> waiting;
        synchronized (state) {
            waiting = state.queue.arrival();
        }
        for (PendingRequest p : waiting) {
            p.refresh(view);
        }
        SchedulerSettings cfg = settings.get();
        List<Runnable> effects = new ArrayList<>();
        synchronized (state) {
            if (!state.closed) {
                long now = nanos.getAsLong();
                expireLocked(waiting, cfg, now, effects);
                failUnservableLocked(waiting, view, now, effects);
                claimLocked(view, cfg, now, effects);
                loader.planLocked(waiting, view, cfg, now, effects);
            }
        }
        QueueState.run(effects);
        watch.check(cfg.maxTimeoutMillis());
    }

    private void expireLocked(List<PendingRequest> waiting, SchedulerSettings cfg, long now, List<Runnable> effects) {
        if (state.queue.isEmpty()) {
            state.lastMovedNanos = now;
            return;
        }
        for (PendingRequest p : waiting) {
            if (!p.done && now - p.deadlineNanos >= 0) {
                LOG.log(Level.INFO, "{0} timed out after waiting for a backend", p);
                state.failLocked(p, new GenerationException(TIMEOUT), now, effects);
            }
        }
        if (!state.queue.isEmpty() && now - state.lastMovedNanos > cfg.maxTimeoutMillis() * 1_000_000L) {
            state.lastMovedNanos = now;
            long minutes = cfg.maxTimeoutMillis() / 60_000L;
            if (cfg.forceRestartOnTimeout()) {
                LOG.log(Level.ERROR, "{0} request(s) stuck waiting: no backend responded in {1} minutes; restarting every backend",
                        state.queue.size(), minutes);
                effects.add(restartAll);
            } else {
                LOG.log(Level.ERROR, "{0} request(s) denied: no backend responded in {1} minutes", state.queue.size(), minutes);
                GenerationException error = new GenerationException("No backend has responded in " + minutes + " minutes.");
                for (PendingRequest p : state.queue.arrival()) {
                    state.failLocked(p, error, now, effects);
                }
            }
        }
    }

    /**
     * SwarmUI fails a request at once when no backend runs and none is starting, or when every running one refuses
     * it. Apiary waits in the second case too while some enabled backend is still starting, since that one may
     * take the request once it runs.
     */
    private void failUnservableLocked(List<PendingRequest> waiting, PoolView view, long now, List<Runnable> effects) {
        boolean anyCandidate = view.slots().stream().anyMatch(s -> s.state().takesWork());
        boolean starting = view.anyStarting();
        if (starting) {
            return;
        }
        for (PendingRequest p : waiting) {
            if (p.done || !p.evaluatedAt(view)) {
                continue;
            }
            if (!anyCandidate) {
                state.failLocked(p, new GenerationException(NO_BACKENDS), now, effects);
            } else if (p.eligibility.passed().isEmpty()) {
                state.failLocked(p, new GenerationException(NO_MATCH + p.eligibility.reasonText()), now, effects);
            }
        }
    }

    /** Work stealing: as long as some backend has room, give it the first request (in policy order) it can serve. */
    private void claimLocked(PoolView view, SchedulerSettings cfg, long now, List<Runnable> effects) {
        Map<Slot, Integer> room = new HashMap<>();
        Map<Slot, SlotView> views = new HashMap<>();
        for (SlotView s : view.slots()) {
            if (s.free()) {
                room.put(s.slot(), s.state().dto().maxUsages - s.usages());
                views.put(s.slot(), s);
            }
        }
        while (!room.isEmpty()) {
            boolean changed = false;
            for (PendingRequest p : state.queue.order(cfg.fifo())) {
                if (!p.evaluatedAt(view)) {
                    continue;
                }
                SlotView s = choose(p, room, views);
                if (s == null) {
                    continue;
                }
                if (pool.tryClaim(s.slot())) {
                    int left = room.get(s.slot()) - 1;
                    if (left > 0) {
                        room.put(s.slot(), left);
                    } else {
                        room.remove(s.slot());
                    }
                    state.grantLocked(p, s, now, effects);
                } else {
                    room.remove(s.slot()); // changed since the pool was read; the change signals another pass
                }
                changed = true;
                break;
            }
            if (!changed) {
                return;
            }
        }
    }

    /**
     * SwarmUI's choice among the backends a request may use that have room: the least used; for a request naming
     * a model, only among those that have it loaded.
     */
    private static SlotView choose(PendingRequest p, Map<Slot, Integer> room, Map<Slot, SlotView> views) {
        SlotView best = null;
        int bestUsages = Integer.MAX_VALUE;
        for (Slot slot : p.eligibility.passed()) {
            Integer left = room.get(slot);
            if (left == null) {
                continue;
            }
            SlotView v = views.get(slot);
            if (p.model != null && !p.model.equals(v.currentModel())) {
                continue;
            }
            int usages = v.state().dto().maxUsages - left;
            if (usages < bestUsages) {
                best = v;
                bestUsages = usages;
            }
        }
        return best;
    }
}
