package apiary.core.t2i.internal.generate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.route.ApiError;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;

/**
 * {@code GenerateText2ImageWS}'s socket, SwarmUI's protocol (A.8): each request's frames as its job produces them
 * (status, progress with previews, images, errors, {@code discard_indices}); {@code keep_alive} while jobs run;
 * further requests accepted on the same socket at any time, their batch indexes continuing; when no job is left,
 * {@code socket_intention: close} and two seconds for one more request, then the final status and a normal close.
 * Frames are only ever offered (never a blocking send): a slow client never stalls a backend, and a client that
 * leaves stops receiving while its jobs go on and save their images.
 */
public final class WsGeneration {
    /** How often a running socket gets {@code keep_alive} (SwarmUI: at most 30 seconds apart). */
    static final long KEEP_ALIVE_MILLIS = 20_000;
    /** The window for another request after {@code socket_intention: close}. */
    static final long FOLLOW_UP_MILLIS = 2_000;

    private final GenerationService service;
    private final Session session;
    private final WebSocketChannel channel;
    private final BatchIndexes indexes = GenerationService.newIndexes();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger closeRound = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final CompletableFuture<Object> result = new CompletableFuture<>();
    private volatile int batchOffset;
    private volatile AutoCloseable messages;
    private volatile ScheduledFuture<?> keepAlive;
    private final RunSink sink;

    /**
     * @param service the generation service
     * @param session the caller
     * @param channel the socket
     */
    public WsGeneration(GenerationService service, Session session, WebSocketChannel channel) {
        this.service = service;
        this.session = session;
        this.channel = channel;
        this.sink = e -> {
            if (e.latestKey() != null) {
                channel.offerLatest(e.latestKey(), e.body());
            } else {
                channel.offer(e.body());
            }
        };
    }

    /**
     * @param first the first request (the whole message)
     * @return completes with the final status frame when the socket is done (or closes when the client left)
     */
    public CompletableFuture<Object> start(Map<String, Object> first) {
        var timer = service.executors().timer();
        keepAlive = timer.scheduleAtFixedRate(() -> {
            if (active.get() > 0) {
                channel.offer(Map.of("keep_alive", true));
            }
        }, KEEP_ALIVE_MILLIS, KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
        channel.onClose(() -> finish(null));
        submit(first);
        // a follow-up request is taken when it arrives (it used to wait for a 25 ms poll: a front end that sends its
        // next image on the same socket paid up to that much per image); its work runs on the timer, not Jetty's thread
        messages = channel.onMessage(() -> timer.execute(this::takeMessages));
        timer.execute(this::takeMessages); // any that came before the action was added
        return result;
    }

    private void takeMessages() {
        Optional<Map<String, Object>> next;
        while (!finished.get() && (next = channel.receive(Duration.ZERO)).isPresent()) {
            submit(next.get());
        }
    }

    private synchronized void submit(Map<String, Object> raw) {
        if (finished.get()) {
            return;
        }
        active.incrementAndGet();
        closeRound.incrementAndGet();
        int offset = batchOffset;
        GenerationService.Job job;
        try {
            job = service.submit(session, raw, offset, indexes, sink);
        } catch (ApiError e) {
            channel.offer(service.status(session));
            channel.offer(Map.of("error", e.getMessage()));
            batchOffset = offset + guessImages(raw);
            jobDone();
            return;
        }
        batchOffset = job.nextBatchOffset();
        job.done().whenComplete((ok, t) -> jobDone());
    }

    /** SwarmUI moves the offset on by images x batchsize of the raw request even when it does not parse. */
    private static int guessImages(Map<String, Object> raw) {
        try {
            int images = Integer.parseInt(String.valueOf(raw.getOrDefault("images", "1")).trim());
            int batch = Integer.parseInt(String.valueOf(raw.getOrDefault("batchsize", "1")).trim());
            return Math.max(0, images) * Math.max(1, batch);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private void jobDone() {
        if (active.decrementAndGet() > 0) {
            return;
        }
        int round = closeRound.get();
        channel.offer(Map.of("socket_intention", "close"));
        service.executors().timer().schedule(() -> {
            if (active.get() == 0 && closeRound.get() == round) {
                finish(service.status(session));
            }
        }, FOLLOW_UP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void finish(Object last) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        AutoCloseable m = messages;
        if (m != null) {
            try {
                m.close();
            } catch (Exception ignored) {
                // removing a listener from a list does not fail
            }
        }
        ScheduledFuture<?> k = keepAlive;
        if (k != null) {
            k.cancel(false);
        }
        result.complete(last);
    }
}
