package apiary.core.t2i.internal.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.t2i.internal.output.ImageMetadata;
import apiary.core.t2i.internal.output.SavedImage;
import apiary.core.t2i.internal.params.T2IRequestImpl;

/**
 * One generation job: a parsed request of {@code images} image tasks of {@code batchsize} each, with an id, its
 * numbered events and its own interrupt token. Tasks get their seed ({@code seed + i * batch}, or the variation
 * seed) and index ({@code i * batch + batchOffset}); at most the user's MaxT2ISimultaneous are in flight. The
 * first error stops the remaining tasks unless {@code continueaftererrors}. {@code waiting_gens} counts every image
 * not finished.
 */
final class GenerationRun {
    static final String INTERRUPTED = "Generation session interrupted.";
    private static final T2IParamKey<Double> VARIATION_STRENGTH = CoreParams.VARIATION_SEED_STRENGTH;

    private final long id;
    private final Session session;
    private final T2IRequestImpl request;
    private final int images;
    private final int batchSize;
    private final int batchOffset;
    private final RunContext context;
    private final RunEvents events;
    private final BatchIndexes indexes;
    private final JobInterrupt interrupt;
    private final boolean continueAfterErrors;
    private final Set<String> errorsSent = ConcurrentHashMap.newKeySet();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<CounterClaim> waiting = new ArrayList<>();
    private final JobObserver observer;
    private volatile String firstError;
    /** The tasks to run, in order: all of them, or after a restart those the ledger did not record as done. */
    private List<Integer> tasks;
    /** Seeds fixed by the ledger for a resumed job (task to seed), or null. */
    private Map<Integer, Long> fixedSeeds;

    GenerationRun(long id, Session session, T2IRequestImpl request, int batchOffset, RunContext context, RunEvents events,
            BatchIndexes indexes, JobInterrupt interrupt) {
        this.id = id;
        this.session = session;
        this.request = request;
        this.images = (int) (long) request.getOrDefault(CoreParams.IMAGES);
        this.batchSize = (int) Math.max(1, request.getOrDefault(CoreParams.BATCH_SIZE));
        this.batchOffset = batchOffset;
        this.context = context;
        this.events = events;
        this.indexes = indexes;
        this.interrupt = interrupt;
        this.continueAfterErrors = request.get(CoreParams.CONTINUE_AFTER_ERRORS).orElse(false);
        this.observer = context.jobs() == null || context.jobs().get() == null ? JobObserver.NONE : context.jobs().get();
    }

    /** @param requestJson the request as submitted, recorded so that the job can run again after a restart */
    void record(String requestJson) {
        long[] seeds = new long[images];
        for (int i = 0; i < images; i++) {
            seeds[i] = seedFor(i);
        }
        observer.created(id, session.user().id(), requestJson, images, batchSize, seeds);
    }

    /**
     * Makes this run a resumed job: only the given tasks run, each with its recorded seed.
     *
     * @param seeds task index to seed, for the tasks not yet done
     */
    void resumeOnly(Map<Integer, Long> seeds) {
        this.fixedSeeds = Map.copyOf(seeds);
        this.tasks = new ArrayList<>(new java.util.TreeSet<>(seeds.keySet()));
    }

    /** @return completes when every task is done and {@code discard_indices} was emitted */
    CompletableFuture<Void> start() {
        if (tasks == null) {
            tasks = new ArrayList<>();
            for (int i = 0; i < images; i++) {
                tasks.add(i);
            }
        }
        for (int i = 0; i < tasks.size(); i++) {
            waiting.add(session.track(StatusCounter.WAITING_GENS, 1));
        }
        status();
        if (tasks.isEmpty()) {
            end();
            return done;
        }
        hooks = context.hooks() == null ? QueueHooks.NONE : context.hooks().get();
        // SwarmUI's queue-start webhook must return before the first generation starts.
        hooks.jobStarting().whenComplete((ok, t) -> {
            int parallel = Math.max(1, Math.min(tasks.size(), session.user().maxT2ISimultaneous()));
            for (int i = 0; i < parallel; i++) {
                launchNext();
            }
        });
        return done;
    }

    /** The server-wide webhooks this job told it started (null until it did). */
    private volatile QueueHooks hooks;

    private void launchNext() {
        int n = next.getAndIncrement();
        if (n >= tasks.size()) {
            return;
        }
        int i = tasks.get(n);
        if (interrupt.isInterrupted()) {
            taskDone(n);
            return;
        }
        new ImageTask(this, paramsFor(i), i, i * batchSize + batchOffset).start().whenComplete((ok, t) -> taskDone(n));
    }

    private void taskDone(int n) {
        synchronized (waiting) {
            waiting.get(n).close();
        }
        if (finished.incrementAndGet() == tasks.size()) {
            end();
        } else {
            launchNext();
        }
    }

    private void end() {
        interrupt.release();
        String state = firstError == null ? (interrupt.isInterrupted() && !interrupt.stoppedByError() ? "interrupted" : "done")
                : GenerationRun.INTERRUPTED.equals(firstError) ? "interrupted" : "failed";
        observer.finished(id, state, firstError);
        if (hooks != null) {
            hooks.jobEnded(request);
        }
        events.emit(RunEvent.Type.DISCARD, Map.of("discard_indices", List.of()), null);
        events.settle();
        done.complete(null);
    }

    /**
     * The i-th task's parameters: seed (or variation seed) moved on by {@code i * batch} unless noseedincrement (the
     * copy fills the prompts' wildcards again from its own seed).
     */
    private T2IRequestImpl paramsFor(int i) {
        if (fixedSeeds != null && fixedSeeds.containsKey(i)) {
            return (T2IRequestImpl) request.with(CoreParams.SEED, fixedSeeds.get(i));
        }
        if (!increments(i)) {
            return request;
        }
        if (variesVariationSeed()) {
            long offset = (long) i * batchSize;
            return (T2IRequestImpl) request.with(CoreParams.VARIATION_SEED, request.get(CoreParams.VARIATION_SEED).get() + offset);
        }
        return (T2IRequestImpl) request.with(CoreParams.SEED, seedFor(i));
    }

    /** @return the i-th task's main seed, without building its parameters */
    private long seedFor(int i) {
        long seed = request.getOrDefault(CoreParams.SEED);
        return increments(i) && !variesVariationSeed() ? seed + (long) i * batchSize : seed;
    }

    private boolean increments(int i) {
        return i != 0 && !request.get(CoreParams.NO_SEED_INCREMENT).orElse(false);
    }

    private boolean variesVariationSeed() {
        return request.get(CoreParams.VARIATION_SEED).isPresent() && request.get(VARIATION_STRENGTH).orElse(0.0) > 0;
    }

    /** Emits an error (each message once per job) and, unless the job continues after errors, stops the rest. */
    void fail(String message) {
        if (!continueAfterErrors || interrupt.isInterrupted()) {
            if (message.equals(INTERRUPTED) && interrupt.stoppedByError()) {
                return;
            }
            if (firstError == null) {
                firstError = message;
            }
            if (errorsSent.add(message)) {
                events.emit(RunEvent.Type.ERROR, Map.of("error", message), null);
            }
            if (!message.equals(INTERRUPTED)) {
                interrupt.cancelForError();
            }
        }
    }

    /** Status frames are for WebSocket clients; an HTTP job skips computing them. */
    private volatile boolean statusFrames = true;

    void withoutStatusFrames() {
        statusFrames = false;
    }

    void status() {
        if (statusFrames) {
            events.emit(RunEvent.Type.STATUS, context.status().apply(session), null);
        }
    }

    void image(SavedImage image, int index) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("image", image.url());
        frame.put("batch_index", Integer.toString(index));
        frame.put("request_id", requestId());
        frame.put("metadata", image.metadata() == null || image.metadata().isBlank() ? null : image.metadata());
        events.emit(RunEvent.Type.IMAGE, frame, null);
    }

    String previewMetadata(T2IRequestImpl params) {
        return ImageMetadata.json(params, context.version(), null, null, true);
    }

    long id() { return id; }
    JobObserver observer() { return observer; }
    /** @param reason why to stop every task of this job (a per-job cancel) */
    void cancel() { interrupt.cancel(); }
    String requestId() { return Long.toString(id); }
    Session session() { return session; }
    RunContext context() { return context; }
    RunEvents events() { return events; }
    BatchIndexes indexes() { return indexes; }
    JobInterrupt interrupt() { return interrupt; }
    int images() { return images; }
    int batchSize() { return batchSize; }
    boolean previews() { return !request.get(CoreParams.NO_PREVIEWS).orElse(false); }
    QueueHooks hooks() { return hooks == null ? QueueHooks.NONE : hooks; }

    /** @return the offset the next request on the same socket continues from */
    int nextBatchOffset() {
        return batchOffset + images * batchSize;
    }
}
