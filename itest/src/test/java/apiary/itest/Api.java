package apiary.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small SwarmUI API client for tests: JSON POSTs, raw requests and WebSocket calls. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static final Duration POST_TIMEOUT = Duration.ofSeconds(30);

    private final int port;

    /** @param port the server port */
    public Api(int port) {
        this.port = port;
    }

    /** An HTTP answer: status, headers and the parsed JSON body (null when not JSON). */
    public static final class Reply {
        public final int status;
        public final Map<String, Object> json;
        public final String text;
        public final HttpResponse<String> raw;

        Reply(HttpResponse<String> raw) {
            this.raw = raw;
            this.status = raw.statusCode();
            this.text = raw.body();
            Map<String, Object> parsed = null;
            try {
                parsed = JSON.readValue(raw.body(), new TypeReference<LinkedHashMap<String, Object>>() { });
            } catch (IOException | RuntimeException e) {
                // Not JSON (an HTML page or a redirect).
            }
            this.json = parsed;
        }

        /** @return the value at a key of the JSON body */
        public Object get(String key) {
            return json == null ? null : json.get(key);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** @return the base URI */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** POSTs a JSON body to {@code /API/<route>}. */
    public Reply post(String route, Map<String, ?> body) {
        // A time limit, so that a request the server never answers fails the test instead of hanging the build.
        return send(HttpRequest.newBuilder(uri("/API/" + route)).header("Content-Type", "application/json")
                .timeout(POST_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(write(body))).build());
    }

    /** POSTs with the session id added to the body. */
    public Reply call(String session, String route, Map<String, ?> body) {
        Map<String, Object> withSession = new LinkedHashMap<>(body);
        withSession.put("session_id", session);
        return post(route, withSession);
    }

    /** @return a new session id from GetNewSession */
    public String newSession() {
        Reply r = post("GetNewSession", Map.of());
        if (r.status != 200 || !(r.get("session_id") instanceof String)) {
            throw new AssertionError("GetNewSession failed: " + r);
        }
        return (String) r.get("session_id");
    }

    /** Sends any request. */
    public Reply send(HttpRequest request) {
        try {
            return new Reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A finished WebSocket call: every frame received and how the server closed. */
    public static final class WsResult {
        public final List<Map<String, Object>> frames = new ArrayList<>();
        public int closeCode = -1;

        /** @return the last frame */
        public Map<String, Object> last() {
            return frames.get(frames.size() - 1);
        }
    }

    /** Opens {@code /API/<route>} as WebSocket, sends one message and collects frames until the server closes. */
    public WsResult ws(String route, Map<String, ?> message) {
        WsResult result = new WsResult();
        CompletableFuture<WsResult> done = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        result.frames.add(JSON.readValue(partial.toString(), new TypeReference<LinkedHashMap<String, Object>>() { }));
                    } catch (IOException e) {
                        done.completeExceptionally(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                result.closeCode = statusCode;
                done.complete(result);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                done.completeExceptionally(error);
            }
        };
        try {
            WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/API/" + route), listener)
                    .get(10, TimeUnit.SECONDS);
            ws.sendText(write(message), true).get(10, TimeUnit.SECONDS);
            return done.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket call to " + route + " failed", e);
        }
    }

    /** @return JSON text of a value */
    public static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
