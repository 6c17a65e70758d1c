package apiary.itest.hardening;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.itest.Api;

/**
 * A WebSocket client that keeps every frame (text as JSON, binary as bytes) and reads only when the test lets it:
 * a client that never reads is one the server must cut off rather than wait for.
 */
final class WsClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<Object> frames = Collections.synchronizedList(new ArrayList<>());
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsClient(int port, String route, boolean reading) throws Exception {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();
            private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

            @Override
            public void onOpen(WebSocket ws) {
                if (reading) {
                    ws.request(1);
                }
            }

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    try {
                        frames.add(JSON.readValue(text.toString(), new TypeReference<LinkedHashMap<String, Object>>() { }));
                    } catch (IOException e) {
                        frames.add("unparsable: " + e.getMessage());
                    }
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] bytes = new byte[data.remaining()];
                data.get(bytes);
                binary.write(bytes, 0, bytes.length);
                if (last) {
                    frames.add(binary.toByteArray());
                    binary.reset();
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(-1);
            }
        };
        socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/" + route), listener)
                .get(10, TimeUnit.SECONDS);
    }

    /** Opens the route; {@code reading} false makes a client that never reads a frame. */
    static WsClient open(int port, String route, boolean reading) throws Exception {
        return new WsClient(port, route, reading);
    }

    WsClient send(Map<String, ?> message) throws Exception {
        socket.sendText(Api.write(message), true).get(30, TimeUnit.SECONDS);
        return this;
    }

    WsClient sendText(String text) throws Exception {
        socket.sendText(text, true).get(30, TimeUnit.SECONDS);
        return this;
    }

    /** @return the server's close code, waiting up to a minute */
    int awaitClose() throws Exception {
        return closed.get(60, TimeUnit.SECONDS);
    }

    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    void abort() {
        socket.abort();
    }

    /** @return the JSON frames, in order */
    List<Map<String, Object>> json() {
        List<Map<String, Object>> out = new ArrayList<>();
        synchronized (frames) {
            for (Object f : frames) {
                if (f instanceof Map) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) f;
                    out.add(m);
                }
            }
        }
        return out;
    }
}
