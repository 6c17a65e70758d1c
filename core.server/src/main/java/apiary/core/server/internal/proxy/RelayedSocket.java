package apiary.core.server.internal.proxy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * One relayed WebSocket: the client's side (Jetty calls it; it must be a public class for Jetty's method handles) and
 * the upstream side (the JDK client calls it).
 */
public final class RelayedSocket implements Session.Listener, WebSocket.Listener {
    private final HttpClient http;
    private final URI target;
    private final StringBuilder text = new StringBuilder();
    private ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private volatile Session client;
    private volatile WebSocket upstream;

    RelayedSocket(HttpClient http, URI target) {
        this.http = http;
        this.target = target;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        client = session;
        http.newWebSocketBuilder().buildAsync(target, this).whenComplete((ws, failure) -> {
            if (failure != null) {
                session.close(StatusCode.SERVER_ERROR, "upstream unreachable", Callback.NOOP);
            } else {
                upstream = ws;
                session.demand();
            }
        });
    }

    @Override
    public void onWebSocketText(String message) {
        upstream.sendText(message, true).whenComplete((ws, failure) -> next(failure));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
        callback.succeed();
        upstream.sendBinary(copy, true).whenComplete((ws, failure) -> next(failure));
    }

    private void next(Throwable failure) {
        if (failure != null) {
            client.close(StatusCode.SERVER_ERROR, "upstream failed", Callback.NOOP);
        } else {
            client.demand();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        WebSocket u = upstream;
        if (u != null && !u.isOutputClosed()) {
            u.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        WebSocket u = upstream;
        if (u != null) {
            u.abort();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (!last) {
            ws.request(1);
            return null;
        }
        String message = text.toString();
        text.setLength(0);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        client.sendText(message, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        return sent.whenComplete((v, e) -> ws.request(1));
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (!last) {
            ws.request(1);
            return null;
        }
        ByteBuffer message = ByteBuffer.wrap(binary.toByteArray());
        binary = new ByteArrayOutputStream();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        client.sendBinary(message, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
        return sent.whenComplete((v, e) -> ws.request(1));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        Session c = client;
        if (c != null && c.isOpen()) {
            c.close(statusCode, reason, Callback.NOOP);
        }
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        Session c = client;
        if (c != null && c.isOpen()) {
            c.close(StatusCode.SERVER_ERROR, "upstream failed", Callback.NOOP);
        }
    }
}
