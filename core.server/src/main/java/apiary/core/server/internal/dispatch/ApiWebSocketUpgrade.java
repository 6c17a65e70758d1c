package apiary.core.server.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

import apiary.core.server.internal.route.RouteDefinition;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Upgrades {@code /API/<Route>} requests to WebSocket API calls ({@link ApiWebSocket}). An upgrade to a path that is
 * no route is refused with an HTTP answer before any socket exists, and each socket accepts messages only up to its
 * route's size limit.
 */
public final class ApiWebSocketUpgrade {
    private final ServerWebSocketContainer container;
    private final ApiPipeline pipeline;
    private final Executor executor;
    private final Server server;
    private final LongSupplier maxRequestBytes;

    /**
     * @param server the Jetty server (its thread pool runs routes, its scheduler times out idle sockets)
     * @param pipeline the call pipeline
     * @param maxRequestBytes the server-wide request limit, which caps every route's own
     */
    public ApiWebSocketUpgrade(Server server, ApiPipeline pipeline, LongSupplier maxRequestBytes) {
        this.server = server;
        this.container = ServerWebSocketContainer.ensure(server);
        // SwarmUI keeps sockets alive for 30 s; a route that streams progress must not be cut off while computing.
        this.container.setIdleTimeout(Duration.ofMinutes(30));
        this.pipeline = pipeline;
        this.executor = server.getThreadPool();
        this.maxRequestBytes = maxRequestBytes;
    }

    /**
     * @return true if the request was a WebSocket upgrade and has been taken over (upgraded or refused)
     */
    public boolean tryUpgrade(String routeName, Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.CONNECT.is(method)) {
            return false;
        }
        RouteDefinition route = pipeline.route(routeName);
        if (route == null) {
            if (!isUpgrade(request)) {
                return false;
            }
            ApiHttpHandler.refuseUnread(response, callback, ApiErrors.BAD_ROUTE_HTTP);
            return true;
        }
        long limit = Math.min(route.maxRequestBytes(), maxRequestBytes.getAsLong());
        String sessionHeader = request.getHeaders().get("X-Session-ID");
        HttpCallContext context = new HttpCallContext(request, null);
        return container.upgrade((upgradeRequest, upgradeResponse, cb) -> new ApiWebSocket(routeName, limit, sessionHeader,
                context, pipeline, executor, server.getScheduler()), request, response, callback);
    }

    /** HTTP/1.1 {@code Upgrade: websocket}, or an HTTP/2 extended CONNECT. */
    private static boolean isUpgrade(Request request) {
        if (HttpMethod.CONNECT.is(request.getMethod())) {
            return true;
        }
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }
}
