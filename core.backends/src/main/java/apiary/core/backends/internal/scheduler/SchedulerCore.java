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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
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
 * dispatcher executor, or on the thread that just gave a backend back (one pass at a time; signals coalesced:
 * any number of signals while a pass is due or running cause one more pass), and the {@link ModelLoader} loads
 * models. Callers never block and nothing runs a caller's continuation while a scheduler lock is held.
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
    /** How many passes a releasing thread runs at most before it leaves the rest to the dispatcher. */
    static final int PASSES_PER_RELEASE = 4;
    /** Signals not yet covered by a pass (a pass covers every signal counted before it began). */
    private final AtomicInteger uncovered = new AtomicInteger();
    /** Whether a drain is queued on the dispatcher and has not begun. */
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    /** Held by the thread running a pass: passes run one at a time, on the dispatcher or on a releasing thread. */
    private final ReentrantLock passLock = new ReentrantLock();
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

    /** Asks for a dispatch pass on the dispatcher; cheap, never blocks, coalesces with a pass already due. */
    public void signal() {
        uncovered.incrementAndGet();
        queueDrain();
    }

    private void queueDrain() {
        if (drainQueued.compareAndSet(false, true)) {
            try {
                dispatcher.execute(this::drainOnDispatcher);
            } catch (RejectedExecutionException closed) {
                drainQueued.set(false);
            }
        }
    }

    private void drainOnDispatcher() {
        drainQueued.set(false);
        drain(Integer.MAX_VALUE);
    }

    /**
     * A backend just came free: runs the pass on the calling thread, or leaves it to the thread running passes right
     * now, which looks again before it stops. Either way a pass that begins after the release offers the backend to
     * the waiting requests without waiting for the dispatcher thread to wake up (that wake-up was where a backend
     * sat idle between two images while work waited in bench/schedule.sh). Never blocks. Releases that arrive
     * meanwhile are covered by the same loop, for a few passes; after that the dispatcher takes over, so a caller's
     * thread is not kept passing while requests keep arriving.
     */
    void signalHere() {
        uncovered.incrementAndGet();
        if (!passLock.isHeldByCurrentThread()) { // else: released from inside a pass, whose loop looks again
            drain(PASSES_PER_RELEASE);
        }
    }

    /**
     * Runs passes while signals are uncovered, at most {@code maxPasses} (then the dispatcher goes on), unless another
     * thread runs them: that one checks again after it lets go of the lock, and a pass covers every signal counted
     * before it began.
     */
    private void drain(int maxPasses) {
        for (int passes = 0; uncovered.get() != 0; passes++) {
            if (passes == maxPasses) {
                queueDrain();
                return;
            }
            if (!passLock.tryLock()) {
                return;
            }
            try {
                int covered = uncovered.get();
                runPass();
                uncovered.addAndGet(-covered);
            } finally {
                passLock.unlock();
            }
        }
    }

    private void runPass() {
        try {
            dispatch.pass();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Backend scheduling pass failed; the next pass retries", e);
        }
    }

    /**
     * @param lease a lease
     * @return when this scheduler's clock stood when it claimed the lease's backend, or -1 for a lease it did not
     *         hand out; for measurements (bench/schedule.sh splits a backend's time between two images with it)
     */
    public static long claimedNanos(BackendLease lease) {
        return lease instanceof LeaseImpl l ? l.claimedNanos() : -1;
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
