package apiary.core.server.internal.proxy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Relays a WebSocket: the client's socket (Jetty) and one to the upstream server (the JDK client), text and binary
 * messages passed both ways in order, each side reading its next message only when the previous one was handed on
 * (so neither side can flood the server's memory); a close on either side closes the other.
 */
final class WebSocketRelay {
    private final LazyHttpClient client = new LazyHttpClient(() -> HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());

    boolean upgrade(URI target, Request request, Response response, Callback callback) {
        ServerWebSocketContainer container = ServerWebSocketContainer.ensure(request.getConnectionMetaData().getConnector().getServer());
        return container.upgrade((req, resp, cb) -> new RelayedSocket(client.get(), target), request, response, callback);
    }
}
