package apiary.itest.t2i;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import apiary.itest.Api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A WebSocket client that can answer frames while the call runs (a follow-up request on the same socket, an
 * interrupt when the job is running), collecting every frame until the server closes.
 */
final class WsClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    volatile int closeCode = -1;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile WebSocket socket;

    /**
     * @param port the server port
     * @param route the WS route
     * @param first the first message
     * @param onFrame called with each frame and this client, on the client's thread
     * @return the client, once the first message is sent
     */
    static WsClient open(int port, String route, Map<String, ?> first, BiConsumer<Map<String, Object>, WsClient> onFrame) throws Exception {
        WsClient c = new WsClient();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        Map<String, Object> f = JSON.readValue(partial.toString(), new TypeReference<LinkedHashMap<String, Object>>() { });
                        c.frames.add(f);
                        onFrame.accept(f, c);
                    } catch (IOException e) {
                        c.closed.completeExceptionally(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                c.closeCode = statusCode;
                c.closed.complete(null);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                c.closed.completeExceptionally(error);
            }
        };
        c.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/" + route), listener).get(10, TimeUnit.SECONDS);
        c.send(first);
        return c;
    }

    void send(Map<String, ?> message) {
        socket.sendText(Api.write(message), true);
    }

    /** Closes from the client side without waiting for the server. */
    void abort() {
        socket.abort();
    }

    WsClient awaitClose(long seconds) throws Exception {
        closed.get(seconds, TimeUnit.SECONDS);
        return this;
    }
}
