package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.PoolView;
import apiary.core.backends.internal.pool.SlotView;

/**
 * The scheduler without its OSGi wiring: requests queue here, the {@link Dispatcher} hands them backends on the
 * dispatcher executor, or on the thread that just gave a backend back (one pass at a time, coalesced: any number of
 * signals while a pass is due cause one pass), and the {@link ModelLoader} loads models. Callers never block and nothing runs a caller's continuation while a
 * scheduler lock is held.
 */
public final class SchedulerCore implements BackendScheduler {
    private static final System.Logger LOG = System.getLogger(SchedulerCore.class.getName());
    static final String SHUTTING_DOWN = "Backend handler is shutting down.";

    private final BackendPool pool;
    private final Supplier<SchedulerSettings> settings;
    private final LongSupplier nanos;
    private final Executor dispatcher;
    private final QueueState state;
    private final ModelLoader loader;
    private final Dispatcher dispatch;
    /** Signals not yet covered by a pass; non-zero while a pass is due or running (whoever took it from 0 runs it). */
    private final AtomicInteger passesDue = new AtomicInteger();
    private final Runnable poolListener = this::signal;

    /**
     * @param pool the live backends
     * @param settings the current settings, read once per pass
     * @param nanos the clock ({@link System#nanoTime} outside tests)
     * @param dispatcher runs the dispatch passes; must run one task at a time
     * @param handoff completes callers' stages and runs model-load notifications
     * @param workers runs model loads
     * @param restartAll restarts every backend ({@code backends.forcerestartontimeout})
     */
    public SchedulerCore(BackendPool pool, Supplier<SchedulerSettings> settings, LongSupplier nanos, Executor dispatcher,
            Executor handoff, Executor workers, Runnable restartAll) {
        this.pool = pool;
        this.settings = settings;
        this.nanos = nanos;
        this.dispatcher = dispatcher;
        GenerationWatch watch = new GenerationWatch(nanos);
        this.state = new QueueState(pool, handoff, watch, this::signalHere);
        this.loader = new ModelLoader(state, pool, workers, this::signal);
        this.dispatch = new Dispatcher(state, pool, loader, settings, nanos, restartAll, watch);
        pool.addListener(poolListener);
    }

    @Override
    public CompletionStage<BackendLease> acquire(BackendRequest request) {
        Objects.requireNonNull(request, "request");
        User user = request.session().user();
        long now = nanos.getAsLong();
        long waitMillis = request.timeout().map(Duration::toMillis).orElse(settings.get().perRequestTimeoutMillis());
        CounterClaim waiting = request.session().track(StatusCounter.WAITING_BACKENDS, 1);
        PendingRequest p;
        String refusal = null;
        synchronized (state) {
            if (state.closed) {
                refusal = SHUTTING_DOWN;
                p = null;
            } else {
                UserShare u = state.queue.user(user.id());
                u.weigh(user.schedulingWeight());
                int limit = user.maxQueuedImages();
                if (u.load() >= limit) {
                    refusal = "You already have " + u.load() + " image(s) queued or running, the most your role allows ("
                            + limit + "). Wait for some of them to finish, or ask an admin to raise the limit.";
                    state.queue.forgetIfIdle(u);
                    p = null;
                } else {
                    if (state.queue.isEmpty()) {
                        state.lastMovedNanos = now;
                    }
                    p = new PendingRequest(++state.seq, request, u, saturatedAdd(now, waitMillis), waiting);
                    state.queue.add(p);
                }
            }
        }
        if (p == null) {
            waiting.close();
            return CompletableFuture.failedFuture(new GenerationException(refusal));
        }
        QueueState.keepInterruptHandle(p, request.interrupt().onInterrupt(
                () -> withdraw(p, new CancellationException("Generation session interrupted."))));
        p.future.whenComplete((lease, error) -> {
            if (p.future.isCancelled()) {
                withdraw(p, null);
            }
        });
        signal();
        return p.future;
    }

    private static long saturatedAdd(long nanosNow, long millis) {
        long add = millis >= Long.MAX_VALUE / 2_000_000L ? Long.MAX_VALUE / 2 : millis * 1_000_000L;
        return nanosNow + add;
    }

    /** Takes a request out of the queue (interrupted or cancelled), failing its stage with the error if still open. */
    private void withdraw(PendingRequest p, Throwable error) {
        List<Runnable> effects = new ArrayList<>();
        synchronized (state) {
            if (p.done) {
                return;
            }
            state.failLocked(p, error == null ? new CancellationException("The request was withdrawn.") : error,
                    nanos.getAsLong(), effects);
        }
        QueueState.run(effects);
        signal();
    }

    @Override
    public CompletionStage<Integer> loadModel(BackendRequest request, String model) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        PoolView view = pool.view();
        List<SlotView> targets = new ArrayList<>();
        for (SlotView s : view.slots()) {
            boolean chosen = request.exactBackendId().isEmpty() || request.exactBackendId().getAsInt() == s.id();
            if (chosen && s.state().takesWork() && s.state().dto().canLoadModels) {
                targets.add(s);
            }
        }
        if (targets.isEmpty()) {
            LOG.log(Level.WARNING, "Cannot load model {0}: no running backend can load models", model);
            return CompletableFuture.completedFuture(0);
        }
        CounterClaim loading = request.session().track(StatusCounter.LOADING_MODELS, targets.size());
        CompletableFuture<Integer> chain = CompletableFuture.completedFuture(0);
        for (SlotView t : targets) {
            chain = chain.thenCompose(n -> loadOn(t, model).thenApply(ok -> ok ? n + 1 : n));
        }
        return chain.whenComplete((n, e) -> loading.close());
    }

    private CompletableFuture<Boolean> loadOn(SlotView target, String model) {
        List<Runnable> effects = new ArrayList<>();
        CompletableFuture<Boolean> result;
        synchronized (state) {
            result = loader.explicitLocked(target, model, effects);
        }
        QueueState.run(effects);
        signal();
        return result;
    }

    /** Asks for a dispatch pass; cheap, never blocks, coalesces with a pass already due. */
    public void signal() {
        if (passesDue.getAndIncrement() == 0) {
            try {
                dispatcher.execute(this::drain);
            } catch (RejectedExecutionException closed) {
                passesDue.set(0);
            }
        }
    }

    /**
     * Runs a pass on the calling thread (a backend just came free), unless one is due or running already: the next
     * image starts without waiting for the dispatcher thread to wake up, which was most of the time a backend sat
     * idle between two images (bench/schedule.sh). Signals that arrive meanwhile are left to the dispatcher, so the caller runs at most
     * one pass.
     */
    void signalHere() {
        if (passesDue.getAndIncrement() == 0) {
            runPass();
            if (passesDue.addAndGet(-1) != 0) {
                try {
                    dispatcher.execute(this::drain);
                } catch (RejectedExecutionException closed) {
                    passesDue.set(0);
                }
            }
        }
    }

    /** Runs passes until no signal is left uncovered; one thread at a time (whoever took the count from 0). */
    private void drain() {
        int covered = passesDue.get();
        while (covered != 0) {
            runPass();
            covered = passesDue.addAndGet(-covered);
        }
    }

    private void runPass() {
        try {
            dispatch.pass();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Backend scheduling pass failed; the next pass retries", e);
        }
    }

    /** @return how many requests wait for a backend right now */
    public int waiting() {
        synchronized (state) {
            return state.queue.size();
        }
    }

    /** Fails every waiting request with SwarmUI's shutdown message and ends pending model loads. */
    public void close() {
        pool.removeListener(poolListener);
        List<Runnable> effects = new ArrayList<>();
        synchronized (state) {
            state.closed = true;
            long now = nanos.getAsLong();
            GenerationException error = new GenerationException(SHUTTING_DOWN);
            for (PendingRequest p : state.queue.arrival()) {
                state.failLocked(p, error, now, effects);
            }
            loader.closeLocked(effects);
        }
        QueueState.run(effects);
    }
}
