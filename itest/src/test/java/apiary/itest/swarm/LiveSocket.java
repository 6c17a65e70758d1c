package apiary.itest.swarm;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import apiary.itest.Api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A generation WebSocket the test watches while it runs: frames as they arrive, and when it closed. */
final class LiveSocket {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Long> closedAtNanos = new CompletableFuture<>();

    /** Opens {@code GenerateText2ImageWS} on the port and sends the request. */
    static LiveSocket generate(int port, Map<String, ?> request) throws Exception {
        LiveSocket s = new LiveSocket();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/GenerateText2ImageWS"),
                s.new Listener()).get(30, TimeUnit.SECONDS);
        ws.sendText(Api.write(request), true).get(30, TimeUnit.SECONDS);
        return s;
    }

    /** Waits until a frame matches. */
    Map<String, Object> await(String what, Predicate<Map<String, Object>> match) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            for (Map<String, Object> f : frames) {
                if (match.test(f)) {
                    return f;
                }
            }
            if (closedAtNanos.isDone()) {
                break;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no frame: " + what + "; frames " + frames);
    }

    /** @return when the server closed the socket */
    long awaitClosed() throws Exception {
        return closedAtNanos.get(60, TimeUnit.SECONDS);
    }

    boolean hasImage() {
        return frames.stream().anyMatch(f -> f.get("image") != null);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    Map<String, Object> f = JSON.readValue(partial.toString(), new TypeReference<LinkedHashMap<String, Object>>() { });
                    f.put("_at", System.nanoTime());
                    frames.add(f);
                } catch (Exception e) {
                    closedAtNanos.completeExceptionally(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closedAtNanos.complete(System.nanoTime());
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closedAtNanos.completeExceptionally(error);
        }
    }
}
