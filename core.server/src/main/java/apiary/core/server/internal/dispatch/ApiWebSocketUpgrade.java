package apiary.core.server.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.Executor;

import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/** Upgrades {@code /API/<Route>} requests to WebSocket API calls ({@link ApiWebSocket}). */
public final class ApiWebSocketUpgrade {
    private final ServerWebSocketContainer container;
    private final ApiPipeline pipeline;
    private final Executor executor;
    private final Server server;

    /**
     * @param server the Jetty server (its thread pool runs routes, its scheduler times out idle sockets)
     * @param pipeline the call pipeline
     * @param maxMessageBytes the largest message accepted
     */
    public ApiWebSocketUpgrade(Server server, ApiPipeline pipeline, long maxMessageBytes) {
        this.server = server;
        this.container = ServerWebSocketContainer.ensure(server);
        this.container.setMaxTextMessageSize(maxMessageBytes);
        // SwarmUI keeps sockets alive for 30 s; a route that streams progress must not be cut off while computing.
        this.container.setIdleTimeout(Duration.ofMinutes(30));
        this.pipeline = pipeline;
        this.executor = server.getThreadPool();
    }

    /**
     * @return true if the request was a WebSocket upgrade and has been taken over
     */
    public boolean tryUpgrade(String routeName, Request request, Response response, Callback callback) {
        String method = request.getMethod();
        if (!HttpMethod.GET.is(method) && !HttpMethod.CONNECT.is(method)) {
            return false;
        }
        String sessionHeader = request.getHeaders().get("X-Session-ID");
        HttpCallContext context = new HttpCallContext(request, null);
        return container.upgrade((upgradeRequest, upgradeResponse, cb) -> new ApiWebSocket(routeName, sessionHeader,
                context, pipeline, executor, server.getScheduler()), request, response, callback);
    }
}
