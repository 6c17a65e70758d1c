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
    private final List<Map<String, Object>> saved = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final List<CounterClaim> waiting = new ArrayList<>();

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
    }

    /** @return completes when every task is done and {@code discard_indices} was emitted */
    CompletableFuture<Void> start() {
        for (int i = 0; i < images; i++) {
            waiting.add(session.track(StatusCounter.WAITING_GENS, 1));
        }
        status();
        int parallel = Math.max(1, Math.min(images, session.user().maxT2ISimultaneous()));
        for (int i = 0; i < parallel; i++) {
            launchNext();
        }
        if (images == 0) {
            end();
        }
        return done;
    }

    private void launchNext() {
        int i = next.getAndIncrement();
        if (i >= images) {
            return;
        }
        if (interrupt.isInterrupted()) {
            taskDone(i);
            return;
        }
        new ImageTask(this, paramsFor(i), i * batchSize + batchOffset).start().whenComplete((ok, t) -> taskDone(i));
    }

    private void taskDone(int i) {
        synchronized (waiting) {
            waiting.get(i).close();
        }
        if (finished.incrementAndGet() == images) {
            end();
        } else {
            launchNext();
        }
    }

    private void end() {
        interrupt.release();
        events.emit(RunEvent.Type.DISCARD, Map.of("discard_indices", List.of()), null);
        done.complete(null);
    }

    /** The i-th task's parameters: seed (or variation seed) moved on by {@code i * batch} unless noseedincrement. */
    private T2IRequestImpl paramsFor(int i) {
        if (request.get(CoreParams.NO_SEED_INCREMENT).orElse(false) || i == 0) {
            return request;
        }
        long offset = (long) i * batchSize;
        if (request.get(CoreParams.VARIATION_SEED).isPresent() && request.get(VARIATION_STRENGTH).orElse(0.0) > 0) {
            return (T2IRequestImpl) request.with(CoreParams.VARIATION_SEED, request.get(CoreParams.VARIATION_SEED).get() + offset);
        }
        return (T2IRequestImpl) request.with(CoreParams.SEED, request.getOrDefault(CoreParams.SEED) + offset);
    }

    /** Emits an error (each message once per job) and, unless the job continues after errors, stops the rest. */
    void fail(String message) {
        if (!continueAfterErrors || interrupt.isInterrupted()) {
            if (message.equals(INTERRUPTED) && interrupt.stoppedByError()) {
                return;
            }
            if (errorsSent.add(message)) {
                events.emit(RunEvent.Type.ERROR, Map.of("error", message), null);
            }
            if (!message.equals(INTERRUPTED)) {
                interrupt.cancelForError();
            }
        }
    }

    void status() {
        events.emit(RunEvent.Type.STATUS, context.status().apply(session), null);
    }

    void image(SavedImage image, int index) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("image", image.url());
        frame.put("batch_index", Integer.toString(index));
        frame.put("request_id", requestId());
        frame.put("metadata", image.metadata() == null || image.metadata().isBlank() ? null : image.metadata());
        synchronized (saved) {
            saved.add(frame);
        }
        events.emit(RunEvent.Type.IMAGE, frame, null);
    }

    String previewMetadata(T2IRequestImpl params) {
        return ImageMetadata.json(params, context.version(), null, null, true);
    }

    long id() { return id; }
    String requestId() { return Long.toString(id); }
    Session session() { return session; }
    RunContext context() { return context; }
    RunEvents events() { return events; }
    BatchIndexes indexes() { return indexes; }
    JobInterrupt interrupt() { return interrupt; }
    int images() { return images; }
    int batchSize() { return batchSize; }
    boolean previews() { return !request.get(CoreParams.NO_PREVIEWS).orElse(false); }

    /** @return the offset the next request on the same socket continues from */
    int nextBatchOffset() {
        return batchOffset + images * batchSize;
    }
}
