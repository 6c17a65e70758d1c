import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.SlotState;
import apiary.core.backends.internal.scheduler.SchedulerCore;
import apiary.core.backends.internal.scheduler.SchedulerSettings;

/**
 * The scheduling benchmark (issue #8): the real BackendPool and SchedulerCore on real threads, K simulated
 * backends that take L ms per image. Scenario: user A submits a batch of 40, user C a batch of 10, and each submits
 * its next batch as soon as the previous one has all got backends (so the queue never runs dry and throughput
 * measures the scheduler, not the clients); user B submits one image every 0.5 s. Reports throughput,
 * B's wait (p50/p95/max), a backend's time between two images while at least K images waited (split into the
 * scheduler's decision, the hand-off to the caller and "unattended" time: see {@link IdleMeter} and
 * {@link Activity}), and the scheduler's overhead with 1,000 jobs queued; once with the fair policy and once with
 * FIFO (SwarmUI's order), after a 3 s warm-up run that is not reported.
 * Run: bench/schedule.sh
 */
public class ScheduleBench {
    static final int K = 8;
    static final long L_MS = 100;

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
        System.out.printf("K = %d backends, L = %d ms per image, %d s per run; capacity K/L = %.0f images/s%n%n",
                K, L_MS, seconds, K * 1000.0 / L_MS);
        scenario(false, 3); // warm-up, not reported: class loading, the JIT and the first collections happen here
        Result fair = scenario(false, seconds);
        Result fifo = scenario(true, seconds);
        Overhead fairO = overhead(false);
        Overhead fifoO = overhead(true);
        System.out.printf("%-52s %14s %14s %s%n", "", "fair", "fifo", "target");
        row("throughput (images/s)", fair.throughput, fifo.throughput, ">= " + fmt(0.95 * K * 1000.0 / L_MS));
        row("throughput / (K/L)", fair.throughput * L_MS / (K * 1000.0), fifo.throughput * L_MS / (K * 1000.0), ">= 0.95");
        row("B's wait p50 (ms)", fair.bP50, fifo.bP50, "");
        row("B's wait p95 (ms)", fair.bP95, fifo.bP95, "<= " + 2 * L_MS);
        row("B's wait max (ms)", fair.bMax, fifo.bMax, "");
        row("B's images served", fair.bCount, fifo.bCount, "");
        System.out.println("backend time between two images while >= K images waited (% of all backend time):");
        row("  free with work waiting, not claimed (image end -> claim)", fair.idle.unclaimedPercent(), fifo.idle.unclaimedPercent(), "");
        row("    of which unattended: no pass running nor looking again", fair.idle.unattendedPercent(), fifo.idle.unattendedPercent(), "0");
        row("    gaps with unattended time", fair.idle.unattendedGaps(), fifo.idle.unattendedGaps(), "0");
        row("    longest unattended time in one gap (ms)", fair.idle.unattendedMaxMs(), fifo.idle.unattendedMaxMs(), "0");
        row("  hand-off: claimed, stage completing (claim -> stage done)", fair.idle.handoffPercent(), fifo.idle.handoffPercent(), "");
        row("  hand-off: caller's executor (stage done -> image starts)", fair.idle.callerPercent(), fifo.idle.callerPercent(), "");
        row("  gaps counted", fair.idle.gaps(), fifo.idle.gaps(), "");
        row("  of which claimed inside lease.close() (releasing thread)", fair.idle.claimedInClose(), fifo.idle.claimedInClose(), "");
        row("  gap image end -> next image start, p50 (ms)", fair.idle.gapP50Ms(), fifo.idle.gapP50Ms(), "");
        row("  gap p99 (ms)", fair.idle.gapP99Ms(), fifo.idle.gapP99Ms(), "");
        row("  gap max (ms)", fair.idle.gapMaxMs(), fifo.idle.gapMaxMs(), "");
        row("  longest image end -> claim (ms)", fair.idle.unclaimedMaxMs(), fifo.idle.unclaimedMaxMs(), "");
        row("  GC pauses during the run (count)", fair.gcCount, fifo.gcCount, "");
        row("  GC time during the run (ms)", fair.gcMillis, fifo.gcMillis, "");
        row("mean simulated render time, as slept (ms)", fair.meanRenderMs, fifo.meanRenderMs, "" + L_MS);
        row("throughput / (K / mean render time)", fair.throughput * fair.meanRenderMs / (K * 1000.0),
                fifo.throughput * fifo.meanRenderMs / (K * 1000.0), "(scheduler efficiency)");
        row("overhead, 1,000 queued: median release -> next grant (ms)", fairO.medianHandoverMs, fifoO.medianHandoverMs, "<= 1");
        row("overhead, 1,000 queued: p99 release -> next grant (ms)", fairO.p99HandoverMs, fifoO.p99HandoverMs, "");
        row("overhead, 1,000 queued: wall time per job, L = 0 (ms)", fairO.perJobMs, fifoO.perJobMs, "<= 1");
        longest("fair", fair.idle);
        longest("fifo", fifo.idle);
        System.exit(0);
    }

    static void longest(String name, Idle idle) {
        System.out.printf("%s, longest gaps (ms): ", name);
        for (long[] g : idle.longest()) {
            System.out.printf("[end->claim %.3f, claim->stage %.3f, stage->start %.3f%s] ", ms(g[0]), ms(g[1]), ms(g[2]),
                    g[3] == 1 ? ", in close" : "");
        }
        System.out.println();
    }

    static void row(String name, double a, double b, String target) {
        System.out.printf("%-52s %14s %14s %s%n", name, fmt(a), fmt(b), target);
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? String.format("%.0f", v) : String.format("%.3f", v);
    }

    record Result(double throughput, double bP50, double bP95, double bMax, int bCount, Idle idle, long gcCount, long gcMillis, double meanRenderMs) {
    }

    record Overhead(double medianHandoverMs, double p99HandoverMs, double perJobMs) {
    }

    /** The pool, scheduler and threads of one run, wired as the OSGi component wires them. */
    static final class Rig implements AutoCloseable {
        final BackendPool pool = new BackendPool();
        final ScheduledExecutorService dispatcher = Executors.newSingleThreadScheduledExecutor();
        final ExecutorService handoff = Executors.newCachedThreadPool();
        final ExecutorService workers = Executors.newCachedThreadPool();
        final Activity activity = new Activity();
        final SchedulerCore core;

        Rig(boolean fifo) {
            SchedulerSettings cfg = new SchedulerSettings(fifo, 3_600_000, 3_600_000, false, false);
            // The dispatcher's tasks are where passes run when no releasing thread runs them: timed as activity.
            java.util.concurrent.Executor passes = task -> dispatcher.execute(() -> {
                activity.event(Activity.BEGIN, -1, System.nanoTime());
                try {
                    task.run();
                } finally {
                    activity.event(Activity.END, -1, System.nanoTime());
                }
            });
            core = new SchedulerCore(pool, () -> cfg, System::nanoTime, passes, handoff, workers, () -> { });
            dispatcher.scheduleWithFixedDelay(core::signal, 250, 250, TimeUnit.MILLISECONDS);
            for (int i = 0; i < K; i++) {
                BackendDTO dto = new BackendDTO();
                dto.id = i;
                dto.type = "simulated";
                dto.status = BackendStatus.RUNNING;
                dto.maxUsages = 1;
                pool.publish(new SlotState(i, i, 1, dto, new Simulated(), m -> { }));
            }
        }

        @Override
        public void close() {
            core.close();
            dispatcher.shutdownNow();
            handoff.shutdownNow();
            workers.shutdownNow();
        }
    }

    /** Runs the A/B/C scenario for the given time. */
    static Result scenario(boolean fifo, long seconds) throws Exception {
        try (Rig rig = new Rig(fifo)) {
            BenchSession a = new BenchSession("a");
            BenchSession b = new BenchSession("b");
            BenchSession c = new BenchSession("c");
            AtomicLong completed = new AtomicLong();
            AtomicLong renderNanos = new AtomicLong();
            AtomicLong renders = new AtomicLong();
            IdleMeter idle = new IdleMeter(rig.core, rig.activity);
            List<Long> bWaits = new CopyOnWriteArrayList<>();
            long[] gcBefore = gc();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService renderThreads = Executors.newCachedThreadPool();
            Runner runner = (session, onGranted) -> {
                long asked = System.nanoTime();
                return rig.core.acquire(BackendRequest.of(session, null)).toCompletableFuture().whenComplete((lease, e) -> {
                    if (lease != null) {
                        idle.completed(lease.backendId());
                    }
                }).thenAcceptAsync(lease -> {
                    onGranted.accept(System.nanoTime() - asked);
                    idle.started(lease.backendId(), SchedulerCore.claimedNanos(lease));
                    long began = System.nanoTime();
                    sleep(L_MS);
                    renderNanos.addAndGet(System.nanoTime() - began);
                    renders.incrementAndGet();
                    if (System.nanoTime() < end) {
                        completed.incrementAndGet();
                    }
                    idle.finishing(lease.backendId());
                    lease.close();
                    idle.closed(lease.backendId());
                }, renderThreads);
            };
            Thread batchA = batches(runner, a, 40, running);
            Thread batchC = batches(runner, c, 10, running);
            List<CompletableFuture<Void>> bJobs = new ArrayList<>();
            long nextB = start;
            while (System.nanoTime() < end) {
                bJobs.add(runner.run(b, bWaits::add));
                nextB += 500_000_000L;
                long pause = nextB - System.nanoTime();
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                }
            }
            running.set(false);
            long[] gcAfter = gc();
            double throughput = completed.get() / ((end - start) / 1e9);
            CompletableFuture.allOf(bJobs.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            batchA.join();
            batchC.join();
            renderThreads.shutdown();
            List<Long> waits = new ArrayList<>(bWaits);
            Collections.sort(waits);
            return new Result(throughput, ms(pct(waits, 0.50)), ms(pct(waits, 0.95)), ms(waits.get(waits.size() - 1)), waits.size(),
                    idle.result(start, end), gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], renderNanos.get() / 1e6 / Math.max(1, renders.get()));
        }
    }

    interface Runner {
        CompletableFuture<Void> run(Session session, java.util.function.LongConsumer onGranted);
    }

    /** A user who submits batches of n images, the next one once every image of the last one has a backend. */
    static Thread batches(Runner runner, Session s, int n, AtomicBoolean running) {
        Thread t = new Thread(() -> {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            while (running.get()) {
                java.util.concurrent.CountDownLatch granted = new java.util.concurrent.CountDownLatch(n);
                for (int i = 0; i < n; i++) {
                    all.add(runner.run(s, w -> granted.countDown()));
                }
                try {
                    granted.await();
                } catch (InterruptedException e) {
                    return;
                }
            }
            CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).join();
        });
        t.start();
        return t;
    }

    /**
     * A backend's time between two images while at least K images waited (the queue length is read as the image
     * finishes), split at the scheduler's claim: from the image's end to the moment the scheduler claimed the
     * backend for a waiting request ({@code lease.close()} -> claim: the backend free while work waited), from that
     * claim to the caller's stage completing (the scheduler's hand-off executor), and from there to the next image
     * starting (the benchmark's own executor, as any caller's {@code thenAcceptAsync} has).
     */
    static final class IdleMeter {
        private final SchedulerCore core;
        private final Activity activity;
        private final long[] finishedAt = new long[K];
        private final long[] closedAt = new long[K];
        private final long[] completedAt = new long[K];
        private final boolean[] backlogged = new boolean[K];
        private final List<long[]> gaps = new ArrayList<>();

        IdleMeter(SchedulerCore core, Activity activity) {
            this.core = core;
            this.activity = activity;
        }

        /** The image on backend id is done; lease.close() begins (a pass may run inside it: activity). */
        void finishing(int id) {
            boolean many = core.waiting() >= K;
            long now = System.nanoTime();
            synchronized (this) {
                backlogged[id] = many;
                finishedAt[id] = now;
            }
            activity.event(Activity.BEGIN, -1, now);
            if (many) {
                activity.event(Activity.FREE, id, now);
            }
        }

        void closed(int id) {
            long now = System.nanoTime();
            synchronized (this) {
                closedAt[id] = now;
            }
            activity.event(Activity.END, -1, now);
        }

        synchronized void completed(int id) {
            completedAt[id] = System.nanoTime();
        }

        void started(int id, long claimed) {
            long now = System.nanoTime();
            boolean counted;
            synchronized (this) {
                counted = finishedAt[id] != 0 && backlogged[id];
                if (counted) {
                    long f = finishedAt[id];
                    // claim -> completed -> started; a claim inside close() ran on the releasing thread
                    gaps.add(new long[] {claimed - f, completedAt[id] - claimed, now - completedAt[id], claimed <= closedAt[id] ? 1 : 0});
                }
                finishedAt[id] = 0;
            }
            if (counted) {
                activity.event(Activity.CLAIM, id, claimed);
            }
        }

        synchronized Idle result(long start, long end) {
            long[] sum = new long[3];
            List<Long> totals = new ArrayList<>();
            List<Long> unclaimed = new ArrayList<>();
            int inClose = 0;
            for (long[] g : gaps) {
                for (int i = 0; i < 3; i++) {
                    sum[i] += g[i];
                }
                totals.add(g[0] + g[1] + g[2]);
                unclaimed.add(g[0]);
                inClose += (int) g[3];
            }
            Collections.sort(totals);
            Collections.sort(unclaimed);
            double all = (double) (end - start) * K;
            List<long[]> longest = new ArrayList<>(gaps);
            longest.sort((x, y) -> Long.compare(y[0] + y[1] + y[2], x[0] + x[1] + x[2]));
            long[] unattended = activity.unattended();
            return new Idle(gaps.size(), inClose, 100.0 * unattended[0] / all, unattended[1], ms(unattended[2]), 100.0 * sum[0] / all, 100.0 * sum[1] / all, 100.0 * sum[2] / all,
                    totals.isEmpty() ? 0 : ms(pct(totals, 0.5)), totals.isEmpty() ? 0 : ms(pct(totals, 0.99)),
                    totals.isEmpty() ? 0 : ms(totals.get(totals.size() - 1)), unclaimed.isEmpty() ? 0 : ms(unclaimed.get(unclaimed.size() - 1)),
                    longest.subList(0, Math.min(5, longest.size())));
        }
    }

    /**
     * When the scheduler could be handing a free backend over: a {@code lease.close()} in progress on any thread (a
     * pass runs on the releasing thread, or the thread running passes looks again before it leaves close()) or a
     * dispatcher task running. "Unattended" is backend time free with at least K images waiting while neither was
     * the case: the backend waited for a thread to wake up or for a timer, not for a pass in progress.
     */
    static final class Activity {
        static final int BEGIN = 0;
        static final int END = 1;
        static final int FREE = 2;
        static final int CLAIM = 3;
        private final ConcurrentLinkedQueue<long[]> events = new ConcurrentLinkedQueue<>();

        void event(int type, int backend, long at) {
            events.add(new long[] {at, type, backend});
        }

        /** @return {unattended backend-nanos, gaps with any unattended time, longest unattended time of one gap} */
        long[] unattended() {
            List<long[]> all = new ArrayList<>(events);
            all.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            long[] perGap = new long[K];
            boolean[] free = new boolean[K];
            int active = 0;
            int freeCount = 0;
            long total = 0;
            long gapsHit = 0;
            long longest = 0;
            long last = all.isEmpty() ? 0 : all.get(0)[0];
            for (long[] e : all) {
                long dt = e[0] - last;
                if (active <= 0 && freeCount > 0 && dt > 0) {
                    total += dt * freeCount;
                    for (int i = 0; i < K; i++) {
                        if (free[i]) {
                            perGap[i] += dt;
                        }
                    }
                }
                last = e[0];
                int id = (int) e[2];
                switch ((int) e[1]) {
                    case BEGIN -> active++;
                    case END -> active--;
                    case FREE -> {
                        if (!free[id]) {
                            free[id] = true;
                            freeCount++;
                            perGap[id] = 0;
                        }
                    }
                    default -> {
                        if (free[id]) {
                            free[id] = false;
                            freeCount--;
                            if (perGap[id] > 0) {
                                gapsHit++;
                                longest = Math.max(longest, perGap[id]);
                            }
                        }
                    }
                }
            }
            return new long[] {total, gapsHit, longest};
        }
    }

    /** The idle meter's figures; percentages are of all backend time in the run. */
    record Idle(int gaps, int claimedInClose, double unattendedPercent, long unattendedGaps, double unattendedMaxMs, double unclaimedPercent, double handoffPercent, double callerPercent,
            double gapP50Ms, double gapP99Ms, double gapMaxMs, double unclaimedMaxMs, List<long[]> longest) {
    }

    /** 1,000 jobs queued at once from 10 users, K backends with L = 0: hand-over latency and wall time per job. */
    static Overhead overhead(boolean fifo) throws Exception {
        try (Rig rig = new Rig(fifo)) {
            List<BenchSession> users = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                users.add(new BenchSession("u" + i));
            }
            // Hold every backend so the 1,000 jobs queue up first.
            List<BackendLease> held = new ArrayList<>();
            for (int i = 0; i < K; i++) {
                held.add(rig.core.acquire(BackendRequest.of(users.get(0), null)).toCompletableFuture().get(10, TimeUnit.SECONDS));
            }
            ConcurrentLinkedQueue<Long> handovers = new ConcurrentLinkedQueue<>();
            long[] releasedAt = new long[K];
            List<CompletableFuture<Void>> jobs = new ArrayList<>();
            int total = 1000;
            for (int i = 0; i < total; i++) {
                BenchSession s = users.get(i % users.size());
                jobs.add(rig.core.acquire(BackendRequest.of(s, null)).toCompletableFuture().thenAccept(lease -> {
                    long now = System.nanoTime();
                    synchronized (releasedAt) {
                        if (releasedAt[lease.backendId()] != 0) {
                            handovers.add(now - releasedAt[lease.backendId()]);
                        }
                        releasedAt[lease.backendId()] = System.nanoTime();
                    }
                    lease.close();
                }));
            }
            while (rig.core.waiting() < total) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            for (BackendLease l : held) {
                synchronized (releasedAt) {
                    releasedAt[l.backendId()] = System.nanoTime();
                }
                l.close();
            }
            CompletableFuture.allOf(jobs.toArray(new CompletableFuture<?>[0])).get(120, TimeUnit.SECONDS);
            long elapsed = System.nanoTime() - start;
            List<Long> h = new ArrayList<>(handovers);
            Collections.sort(h);
            return new Overhead(ms(pct(h, 0.5)), ms(pct(h, 0.99)), elapsed / 1e6 / total);
        }
    }

    /** @return collections so far and their total time in ms, over every collector */
    static long[] gc() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean b : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    static long pct(List<Long> sorted, double p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * (sorted.size() - 1))));
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A simulated backend: the benchmark's render threads do the work; the scheduler never calls generate. */
    static final class Simulated implements GeneratingBackend {
        @Override public void init() { }
        @Override public void shutdown() { }
        @Override public void generate(GenerationJob job) { throw new UnsupportedOperationException(); }
    }

    /** A session with real counters whose user has SwarmUI's default limits and weight 1. */
    static final class BenchSession implements Session, User {
        private final String id;
        private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
        private final InterruptToken token = new InterruptToken() {
            @Override public boolean isInterrupted() { return false; }
            @Override public AutoCloseable onInterrupt(Runnable action) { return () -> { }; }
        };

        BenchSession(String id) {
            this.id = id;
            for (StatusCounter c : StatusCounter.values()) {
                counters.put(c, new AtomicInteger());
            }
        }

        @Override public String id() { return id; }
        @Override public User user() { return this; }
        @Override public String originAddress() { return "127.0.0.1"; }
        @Override @Deprecated public AtomicInteger counter(StatusCounter c) { return counters.get(c); }

        @Override
        public CounterClaim track(StatusCounter c, int amount) {
            AtomicInteger v = counters.get(c);
            v.addAndGet(amount);
            AtomicBoolean open = new AtomicBoolean(true);
            return () -> {
                if (open.compareAndSet(true, false)) {
                    v.addAndGet(-amount);
                }
            };
        }

        @Override public int count(StatusCounter c) { return counters.get(c).get(); }
        @Override public InterruptToken interruptToken() { return token; }
        @Override public void interrupt() { }
        @Override public void touch(boolean userUpdate) { }
        @Override public Instant lastUsed() { return Instant.EPOCH; }
        @Override public List<String> roles() { return List.of("user"); }
        @Override public Set<String> permissionFlags() { return Set.of(); }
        @Override public boolean hasPermission(String permissionId) { return true; }
        @Override public boolean mayUseModel(String modelName) { return true; }
        @Override public int maxT2ISimultaneous() { return 32; }
        @Override public int maxQueuedImages() { return 100_000; }
        @Override public double schedulingWeight() { return 1; }
        @Override public boolean allowUnsafeOutpaths() { return false; }
        @Override public Object setting(String path) { throw new IllegalArgumentException(path); }
        @Override public Instant lastPresent() { return Instant.EPOCH; }
    }
}
