package apiary.core.server.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.api.route.WebSocketChannel;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * {@link CallContext} over a Jetty request (for WebSocket calls, the upgrade request, with no response). Most routes
 * never look at it, so headers are copied and cookies parsed only when asked for.
 */
public class HttpCallContext implements CallContext {
    private final Request request;
    private final Response response;
    private final String remoteAddress;
    private HttpFields headers;
    private List<HttpCookie> cookies;
    private volatile WebSocketChannel socket;
    private final CloseListeners disconnect = new CloseListeners();

    /**
     * @param request the request
     * @param response its response, or null for a WebSocket upgrade (no cookies can be set then)
     */
    public HttpCallContext(Request request, Response response) {
        this.request = request;
        this.response = response;
        // Captured now: a WebSocket route runs after the upgrade request is gone.
        this.remoteAddress = Request.getRemoteAddr(request);
        if (response == null) {
            headers = request.getHeaders().asImmutable();
            cookies = Request.getCookies(request);
        } else {
            // The connection failed under the call (the server stopping, a broken connection noticed by a write).
            request.addFailureListener(failure -> disconnect.fire());
        }
    }

    private synchronized HttpFields headers() {
        if (headers == null) {
            headers = request.getHeaders().asImmutable();
        }
        return headers;
    }

    private synchronized List<HttpCookie> cookies() {
        if (cookies == null) {
            cookies = Request.getCookies(request);
        }
        return cookies;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public List<String> forwardedFor() {
        List<String> out = new ArrayList<>();
        for (HttpField field : headers()) {
            if (field.getName().equalsIgnoreCase("X-Forwarded-For")) {
                for (String part : field.getValue().split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers().get(name));
    }

    @Override
    public Optional<String> cookie(String name) {
        for (HttpCookie c : cookies()) {
            if (c.getName().equals(name)) {
                return Optional.of(c.getValue());
            }
        }
        return Optional.empty();
    }

    @Override
    public void setCookie(String name, String value, long maxAgeSeconds, boolean httpOnly) {
        if (response == null) {
            return;
        }
        Response.addCookie(response, HttpCookie.build(name, value)
                .path("/")
                .maxAge(Math.max(maxAgeSeconds, 0))
                .httpOnly(httpOnly)
                .sameSite(HttpCookie.SameSite.LAX)
                .build());
    }

    @Override
    public boolean isWebSocket() {
        return response == null;
    }

    /** @param channel the socket of a WebSocket call, whose close is this call's disconnect */
    void bindSocket(WebSocketChannel channel) {
        this.socket = channel;
    }

    /** The client closed its connection before the answer (see {@link DisconnectWatch}). */
    void disconnected() {
        disconnect.fire();
    }

    @Override
    public AutoCloseable onDisconnect(Runnable action) {
        WebSocketChannel channel = socket;
        return channel != null ? channel.onClose(action) : disconnect.add(action);
    }
}
