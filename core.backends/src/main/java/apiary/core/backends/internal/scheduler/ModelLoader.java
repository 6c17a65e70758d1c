package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import apiary.core.api.backend.GenerationException;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.PoolView;
import apiary.core.backends.internal.pool.Slot;
import apiary.core.backends.internal.pool.SlotView;

/**
 * Model-aware dispatch, SwarmUI's way (behaviour spec §A.5 step 4): requests that want a model no free backend has
 * loaded build up pressure; the highest pressure whose requests the free loaders can serve is loaded once it is
 * older than 1.5 s (at once when only one loader could take it), on a loader outside the set that already failed
 * it, preferring idle ones, then the least recently used ({@code last_used}) or the first ({@code first_free}). The
 * chosen backend is reserved (no new jobs), and the load starts once its running jobs are done. A load never runs
 * while the queue lock is held.
 */
final class ModelLoader {
    private static final System.Logger LOG = System.getLogger(ModelLoader.class.getName());
    private static final long YOUNG_PRESSURE_NANOS = 1_500_000_000L;
    private static final int MAX_REASON = 500;

    private final QueueState state;
    private final BackendPool pool;
    private final Executor workers;
    private final Runnable signal;

    ModelLoader(QueueState state, BackendPool pool, Executor workers, Runnable signal) {
        this.state = state;
        this.pool = pool;
        this.workers = workers;
        this.signal = signal;
    }

    /** One dispatcher step, queue lock held: register pressure, start drained loads, pick new loads, notify. */
    void planLocked(List<PendingRequest> waiting, PoolView decidedOn, SchedulerSettings cfg, long now, List<Runnable> effects) {
        for (PendingRequest p : waiting) {
            if (!p.done && p.model != null && p.pressure == null && p.evaluatedAt(decidedOn)) {
                ModelPressure pr = state.pressures.computeIfAbsent(p.model, m -> new ModelPressure(m, now));
                pr.requests.add(p);
                p.pressure = pr;
            }
        }
        startDrainedLocked(effects);
        PoolView view = pool.view();
        Set<Slot> taken = new HashSet<>();
        Set<ModelPressure> skipped = new HashSet<>();
        while (chooseLocked(view, cfg, now, taken, skipped, effects)) {
            // one load per free loader and pressure
        }
        for (PendingRequest p : waiting) {
            if (!p.done && p.pressure != null && p.pressure.loading && !p.notifiedLoad && p.request.modelLoadListener() != null) {
                p.notifiedLoad = true;
                effects.add(() -> state.handOff(p.request.modelLoadListener()));
            }
        }
    }

    private void startDrainedLocked(List<Runnable> effects) {
        Set<Slot> busy = new HashSet<>();
        for (ModelLoad l : state.loads) {
            if (l.started) {
                busy.add(l.slot);
            }
        }
        for (ModelLoad l : new ArrayList<>(state.loads)) {
            if (l.started || busy.contains(l.slot)) {
                continue;
            }
            int usages = pool.usagesOf(l.slot);
            if (usages < 0) {
                finishLocked(l, false, "The backend was shut down before it could load the model.", effects);
            } else if (usages == 0) {
                l.started = true;
                busy.add(l.slot);
                effects.add(() -> workers.execute(() -> run(l)));
            }
        }
    }

    private boolean chooseLocked(PoolView view, SchedulerSettings cfg, long now, Set<Slot> taken, Set<ModelPressure> skipped,
            List<Runnable> effects) {
        List<SlotView> loaders = new ArrayList<>();
        for (SlotView s : view.slots()) {
            if (s.free() && s.state().dto().canLoadModels && !taken.contains(s.slot())) {
                loaders.add(s);
            }
        }
        if (loaders.isEmpty()) {
            return false;
        }
        List<ModelPressure> candidates = new ArrayList<>();
        List<ModelPressure> perfect = new ArrayList<>();
        for (ModelPressure pr : state.pressures.values()) {
            if (pr.loading || skipped.contains(pr) || pr.requests.isEmpty()) {
                continue;
            }
            int served = 0;
            for (PendingRequest r : pr.requests) {
                if (loaders.stream().anyMatch(l -> r.eligibility.passed().contains(l.slot()))) {
                    served++;
                }
            }
            if (served > 0) {
                candidates.add(pr);
            }
            if (served == pr.requests.size()) {
                perfect.add(pr);
            }
        }
        List<ModelPressure> pick = perfect.isEmpty() ? candidates : perfect;
        if (pick.isEmpty()) {
            return false;
        }
        pick.sort(Comparator.comparingLong((ModelPressure p) -> -p.heuristic(now)).thenComparingLong(p -> p.firstNanos));
        ModelPressure pr = pick.get(0);
        List<SlotView> wanted = new ArrayList<>();
        for (SlotView l : loaders) {
            if (pr.requests.stream().anyMatch(r -> r.eligibility.passed().contains(l.slot()))) {
                wanted.add(l);
            }
        }
        if (wanted.size() != 1 && now - pr.firstNanos <= YOUNG_PRESSURE_NANOS) {
            skipped.add(pr);
            return true; // too young: SwarmUI lets pressure build up a little before it picks a backend
        }
        List<SlotView> valid = new ArrayList<>();
        for (SlotView l : wanted) {
            if (!pr.badBackends.contains(l.id()) && !pr.model.equals(l.currentModel())) {
                valid.add(l);
            }
        }
        if (valid.isEmpty()) {
            skipped.add(pr);
            failIfHopelessLocked(pr, view, now, effects);
            return true;
        }
        List<SlotView> idle = valid.stream().filter(v -> v.usages() == 0).toList();
        List<SlotView> from = idle.isEmpty() ? valid : idle;
        SlotView chosen = cfg.loadOnFirstFree() ? from.get(0)
                : from.stream().min(Comparator.comparingLong(SlotView::lastReleasedMillis)).orElseThrow();
        taken.add(chosen.slot());
        if (!pool.reserveForLoad(chosen.slot())) {
            return true;
        }
        pr.loading = true;
        ModelLoad load = new ModelLoad(chosen.slot(), chosen.state(), pr.model, pr.requests.get(0).request.params(), pr);
        for (Session s : pr.sessions()) {
            load.loadingClaims.add(s.track(StatusCounter.LOADING_MODELS, 1));
        }
        state.loads.add(load);
        LOG.log(Level.INFO, "Backend #{0} will load model {1} for {2} waiting request(s)", chosen.id(), pr.model, pr.requests.size());
        startDrainedLocked(effects);
        return true;
    }

    /** Fails the pressure's requests once every loader any of them could use has failed to load the model. */
    private void failIfHopelessLocked(ModelPressure pr, PoolView view, long now, List<Runnable> effects) {
        for (SlotView s : view.slots()) {
            if (!s.state().takesWork() || !s.state().dto().canLoadModels || pr.badBackends.contains(s.id())) {
                continue;
            }
            if (pr.requests.stream().anyMatch(r -> r.eligibility.passed().contains(s.slot()))) {
                return; // a busy loader has not tried yet
            }
        }
        if (pr.badBackends.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("All available backends failed to load the model '" + pr.model + "'.");
        Set<String> reasons = new LinkedHashSet<>(pr.failReasons);
        if (!reasons.isEmpty()) {
            message.append("\n\n").append(String.join("\n\n", reasons.stream().map(r -> "Possible reason: " + r).toList()));
        }
        GenerationException error = new GenerationException(message.toString().trim());
        for (PendingRequest r : new ArrayList<>(pr.requests)) {
            state.failLocked(r, error, now, effects);
        }
    }

    /** Runs one load on a worker thread, without any lock. */
    private void run(ModelLoad load) {
        boolean ok = false;
        String reason = null;
        try {
            if (load.model.toLowerCase(Locale.ROOT).equals("(none)")) {
                ok = true;
            } else {
                ok = load.state.generator().loadModel(load.model, load.params);
                if (!ok) {
                    reason = "Backend #" + load.slot.id() + " could not load the model.";
                }
            }
            if (ok) {
                load.state.currentModelSetter().accept(load.model);
            }
        } catch (Exception | LinkageError e) {
            LOG.log(Level.ERROR, "Backend #" + load.slot.id() + " failed to load model " + load.model, e);
            String m = e.getMessage();
            reason = m == null || m.isBlank() ? e.getClass().getSimpleName() : m.strip();
            reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason;
        }
        List<Runnable> effects = new ArrayList<>();
        synchronized (state) {
            finishLocked(load, ok, reason, effects);
        }
        QueueState.run(effects);
        signal.run();
    }

    private void finishLocked(ModelLoad load, boolean ok, String reason, List<Runnable> effects) {
        if (!state.loads.remove(load)) {
            return;
        }
        pool.unreserve(load.slot);
        load.loadingClaims.forEach(c -> c.close());
        load.loadingClaims.clear();
        ModelPressure pr = load.pressure;
        if (pr != null) {
            pr.loading = false;
            if (!ok) {
                LOG.log(Level.WARNING, "Backend #{0} failed to load model {1}", load.slot.id(), load.model);
                pr.badBackends.add(load.slot.id());
                if (reason != null) {
                    pr.failReasons.add(reason);
                }
            }
        }
        boolean result = ok;
        effects.add(() -> state.handOff(() -> load.result.complete(result)));
    }

    /**
     * Queues an explicit load ({@code SelectModel}) on one backend: reserved now, started once it is free.
     *
     * @return completes with whether the model was loaded
     */
    CompletableFuture<Boolean> explicitLocked(SlotView target, String model, List<Runnable> effects) {
        if (state.closed || !pool.reserveForLoad(target.slot())) {
            return CompletableFuture.completedFuture(false);
        }
        ModelLoad load = new ModelLoad(target.slot(), target.state(), model, null, null);
        state.loads.add(load);
        startDrainedLocked(effects);
        return load.result;
    }

    /** Ends every load when the scheduler closes. Queue lock held. */
    void closeLocked(List<Runnable> effects) {
        for (ModelLoad l : new ArrayList<>(state.loads)) {
            finishLocked(l, false, null, effects);
        }
    }
}
