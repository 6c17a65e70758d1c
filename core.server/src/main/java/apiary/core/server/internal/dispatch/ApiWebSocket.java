package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import apiary.core.api.json.RawJson;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket API call, as SwarmUI runs it: accept, wait up to a minute for one JSON message, run the route on a
 * worker thread while it streams frames, send its result last (when it returns, or when the stage it returned
 * completes), then close normally. Errors are sent as frames before the close. Outgoing frames go through a bounded
 * {@link OutboundQueue}, so a route that offers frames never waits for a slow client. Public only because Jetty
 * reflects on its listener methods.
 */
public final class ApiWebSocket implements Session.Listener.AutoDemanding, WebSocketChannel {
    private static final System.Logger LOG = System.getLogger(ApiWebSocket.class.getName());
    private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CLOSE_TIMEOUT = Duration.ofMinutes(1);
    /** SwarmUI's keep-alive: a ping this often while a route runs, so that proxies and NATs keep a quiet socket. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    /** Messages a client may send ahead of a route that has not asked for them. */
    static final int MAX_INBOX = 64;
    /** Clients have no binary messages to send to an API route. */
    private static final long MAX_BINARY_MESSAGE = 64 * 1024;
    /** How far a client may fall behind before it is cut off: a few full-size images. */
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    private static final String CLOSED = new String("closed");

    private final String routeName;
    private final long maxMessageBytes;
    private final String headerSessionId;
    private final HttpCallContext context;
    private final ApiPipeline pipeline;
    private final Executor executor;
    private final Scheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final CloseListeners closeListeners = new CloseListeners();
    private final List<Runnable> messageListeners = new CopyOnWriteArrayList<>();
    private final OutboundQueue outbound = new OutboundQueue(new SocketWriter(), MAX_QUEUED_BYTES);
    private volatile Session session;
    private volatile Scheduler.Task firstMessageTimeout;
    private volatile Scheduler.Task keepAlive;

    ApiWebSocket(String routeName, long maxMessageBytes, String headerSessionId, HttpCallContext context,
            ApiPipeline pipeline, Executor executor, Scheduler scheduler) {
        this.routeName = routeName;
        this.maxMessageBytes = maxMessageBytes;
        this.headerSessionId = headerSessionId;
        this.context = context;
        this.pipeline = pipeline;
        this.executor = executor;
        this.scheduler = scheduler;
        context.bindSocket(this);
    }

    private final class SocketWriter implements OutboundQueue.Writer {
        @Override
        public void write(Object payload, Runnable done, Consumer<Throwable> failed) {
            Session s = session;
            if (s == null || !s.isOpen()) {
                failed.accept(new IOException("WebSocket is closed"));
                return;
            }
            Callback cb = Callback.from(done, failed);
            if (payload instanceof String) {
                s.sendText((String) payload, cb);
            } else {
                s.sendBinary((ByteBuffer) payload, cb);
            }
        }

        @Override
        public void overflow() {
            LOG.log(Level.INFO, "WebSocket /API/{0}: client fell more than {1} MB behind; disconnecting", routeName,
                    MAX_QUEUED_BYTES >> 20);
            Session s = session;
            if (s != null) {
                // No close handshake: a client that does not read would never read the close frame either.
                s.disconnect();
            }
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        // The route's own limit: a message that starts a generation may carry images, a status query may not.
        session.setMaxTextMessageSize(maxMessageBytes);
        session.setMaxBinaryMessageSize(MAX_BINARY_MESSAGE);
        firstMessageTimeout = scheduler.schedule(() -> {
            if (!started.get()) {
                LOG.log(Level.DEBUG, "WebSocket /API/{0} sent no message within a minute; closing", routeName);
                session.close(StatusCode.NORMAL, "no input", Callback.NOOP);
            }
        }, FIRST_MESSAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onWebSocketText(String message) {
        if (!started.compareAndSet(false, true)) {
            if (inbox.size() >= MAX_INBOX) {
                LOG.log(Level.INFO, "WebSocket /API/{0}: client sent more than {1} unread messages; closing", routeName, MAX_INBOX);
                session.close(StatusCode.POLICY_VIOLATION, "too many messages", Callback.NOOP);
                return;
            }
            inbox.offer(message);
            messageArrived();
            return;
        }
        Scheduler.Task timeout = firstMessageTimeout;
        if (timeout != null) {
            timeout.cancel();
        }
        scheduleKeepAlive();
        executor.execute(() -> run(message));
    }

    private void messageArrived() {
        for (Runnable r : messageListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A message action of WebSocket /API/" + routeName + " failed", e);
            }
        }
    }

    private void scheduleKeepAlive() {
        keepAlive = scheduler.schedule(() -> {
            Session s = session;
            if (s != null && s.isOpen()) {
                s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
                scheduleKeepAlive();
            }
        }, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.log(Level.DEBUG, "WebSocket /API/{0} failed: {1}", routeName, cause.toString());
        closed();
    }

    private void closed() {
        Scheduler.Task ping = keepAlive;
        if (ping != null) {
            ping.cancel();
        }
        inbox.offer(CLOSED);
        outbound.close(new IOException("WebSocket closed"));
        closeListeners.fire();
    }

    private void run(String message) {
        Map<String, Object> body;
        try {
            body = JsonCodec.asObject(JsonCodec.parse(message));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Unreadable JSON on WebSocket /API/{0}: {1}", routeName, e.getMessage());
            finish(ApiErrors.INTERNAL_ERROR.body);
            return;
        }
        if (body == null) {
            finish(ApiErrors.INTERNAL_ERROR.body);
            return;
        }
        ApiPipeline.Resolved call = pipeline.resolve(routeName, body, headerSessionId, true);
        if (call.rejection != null) {
            finish(call.rejection.body);
            return;
        }
        pipeline.invoke(call, body, context, this)
                .whenComplete((result, failure) -> finish(result instanceof Reply ? ((Reply) result).body : result));
    }

    /**
     * Sends the last frame (if any), then closes normally once everything queued is written. A client that does not
     * answer the close within a minute (SwarmUI's close timeout) is disconnected.
     */
    private void finish(Object last) {
        if (last != null && isOpen()) {
            outbound.add(null, JsonCodec.text(last));
        }
        outbound.drained().whenComplete((ok, failure) -> {
            Session s = session;
            if (s != null && s.isOpen()) {
                s.close(StatusCode.NORMAL, null, Callback.NOOP);
                scheduler.schedule(s::disconnect, CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    @Override
    public void send(Object frame) {
        CompletableFuture<Void> written = outbound.add(null, JsonCodec.text(frame));
        if (written == null) {
            throw new UncheckedIOException(new IOException("WebSocket is closed"));
        }
        try {
            written.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while sending"));
        } catch (ExecutionException | TimeoutException e) {
            throw new UncheckedIOException(new IOException("WebSocket send failed: " + e.getMessage(), e));
        }
    }

    @Override
    public boolean offer(Object frame) {
        return isOpen() && outbound.add(null, text(frame)) != null;
    }

    @Override
    public boolean offerLatest(String key, Object frame) {
        return isOpen() && outbound.add(key, text(frame)) != null;
    }

    /** @return the frame's JSON text; JSON already written (a replayed job's events) is sent as it is, not re-serialised */
    private static String text(Object frame) {
        return frame instanceof RawJson raw ? raw.json() : JsonCodec.text(frame);
    }

    @Override
    public boolean offerBinary(byte[] data) {
        return isOpen() && outbound.add(null, ByteBuffer.wrap(data)) != null;
    }

    @Override
    public AutoCloseable onClose(Runnable action) {
        return closeListeners.add(action);
    }

    @Override
    public AutoCloseable onMessage(Runnable action) {
        messageListeners.add(action);
        return () -> messageListeners.remove(action);
    }

    @Override
    public Optional<Map<String, Object>> receive(Duration timeout) {
        try {
            String next = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == null) {
                return Optional.empty();
            }
            if (next == CLOSED) {
                inbox.offer(CLOSED);
                return Optional.empty();
            }
            return Optional.ofNullable(JsonCodec.asObject(JsonCodec.parse(next)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Unreadable JSON message on WebSocket /API/{0}", routeName);
            return Optional.empty();
        }
    }

    @Override
    public boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }
}
