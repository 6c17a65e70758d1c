package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.route.CallContext;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One WebSocket API call, as SwarmUI runs it: accept, wait up to a minute for one JSON message, run the route on a
 * worker thread while it streams frames, send its return value last, then close normally. Errors are sent as
 * frames before the close. Public only because Jetty reflects on its listener methods.
 */
public final class ApiWebSocket implements Session.Listener.AutoDemanding, WebSocketChannel {
    private static final System.Logger LOG = System.getLogger(ApiWebSocket.class.getName());
    private static final Duration FIRST_MESSAGE_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);
    private static final String CLOSED = new String("closed");

    private final String routeName;
    private final String headerSessionId;
    private final CallContext context;
    private final ApiPipeline pipeline;
    private final Executor executor;
    private final Scheduler scheduler;
    private final AtomicBoolean started = new AtomicBoolean();
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private volatile Session session;
    private volatile Scheduler.Task firstMessageTimeout;

    ApiWebSocket(String routeName, String headerSessionId, CallContext context, ApiPipeline pipeline,
            Executor executor, Scheduler scheduler) {
        this.routeName = routeName;
        this.headerSessionId = headerSessionId;
        this.context = context;
        this.pipeline = pipeline;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
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
            inbox.offer(message);
            return;
        }
        Scheduler.Task timeout = firstMessageTimeout;
        if (timeout != null) {
            timeout.cancel();
        }
        executor.execute(() -> run(message));
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        inbox.offer(CLOSED);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.log(Level.DEBUG, "WebSocket /API/{0} failed: {1}", routeName, cause.toString());
        inbox.offer(CLOSED);
    }

    private void run(String message) {
        try {
            Map<String, Object> body = JsonCodec.asObject(JsonCodec.parse(message));
            if (body == null) {
                finish(ApiErrors.INTERNAL_ERROR.body);
                return;
            }
            ApiPipeline.Resolved call = pipeline.resolve(routeName, body, headerSessionId, true);
            if (call.rejection != null) {
                finish(call.rejection.body);
                return;
            }
            Object result = pipeline.invoke(call, body, context, this);
            finish(result instanceof Reply ? ((Reply) result).body : result);
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Unreadable JSON on WebSocket /API/{0}: {1}", routeName, e.getMessage());
            finish(ApiErrors.INTERNAL_ERROR.body);
        } catch (UncheckedIOException e) {
            LOG.log(Level.DEBUG, "WebSocket /API/{0} client went away: {1}", routeName, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Internal error on WebSocket /API/" + routeName, e);
            finish(ApiErrors.INTERNAL_ERROR.body);
        }
    }

    /** Sends the last frame (if any) and closes normally. */
    private void finish(Object last) {
        try {
            if (last != null && isOpen()) {
                send(last);
            }
        } catch (UncheckedIOException e) {
            LOG.log(Level.DEBUG, "WebSocket /API/{0}: last frame not sent: {1}", routeName, e.getMessage());
        } finally {
            Session s = session;
            if (s != null && s.isOpen()) {
                s.close(StatusCode.NORMAL, null, Callback.NOOP);
            }
        }
    }

    @Override
    public void send(Object frame) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            throw new UncheckedIOException(new IOException("WebSocket is closed"));
        }
        CompletableFuture<Void> sent = new CompletableFuture<>();
        s.sendText(JsonCodec.text(frame), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        try {
            sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted while sending"));
        } catch (ExecutionException | TimeoutException e) {
            throw new UncheckedIOException(new IOException("WebSocket send failed: " + e.getMessage(), e));
        }
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
