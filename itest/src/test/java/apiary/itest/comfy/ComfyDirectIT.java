package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/**
 * {@code /ComfyBackendDirect/}: ComfyUI's own HTTP API and WebSocket reached through Apiary (the local user holds
 * {@code comfy_direct_calls}), bodies and binary frames relayed unchanged.
 */
public class ComfyDirectIT extends ComfyTestSupport {
    @Test
    public void httpAndWebSocketArePassedThrough() throws Exception {
        comfy.backend(comfy.simulator(), Map.of());
        String base = "http://127.0.0.1:" + server.port() + "/ComfyBackendDirect";
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/system_stats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode());
        assertEquals("application/json; charset=utf-8", stats.headers().firstValue("Content-Type").orElse(""));
        assertTrue(stats.body(), stats.body().contains("\"comfyui_version\": \"0.3.64\""));

        List<String> texts = new CopyOnWriteArrayList<>();
        List<byte[]> binaries = new CopyOnWriteArrayList<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws") + "/ws?clientId=direct-it"),
                new WebSocket.Listener() {
                    private final StringBuilder sb = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket w, CharSequence d, boolean last) {
                        sb.append(d);
                        if (last) {
                            texts.add(sb.toString());
                            sb.setLength(0);
                        }
                        w.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onBinary(WebSocket w, ByteBuffer d, boolean last) {
                        byte[] b = new byte[d.remaining()];
                        d.get(b);
                        binaries.add(b);
                        w.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"feature_flags\",\"data\":{\"supports_preview_metadata\":true}}", true).get();
        // Sent to Apiary is not yet relayed: wait for ComfyUI's answer before posting the prompt.
        long flagsBy = System.currentTimeMillis() + 10_000;
        while (texts.stream().noneMatch(t -> t.contains("\"type\": \"feature_flags\"")) && System.currentTimeMillis() < flagsBy) {
            Thread.sleep(10);
        }
        String prompt = "{\"prompt\":{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":16,\"height\":16,\"batch_size\":1,\"color\":255}},"
                + "\"2\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"1\",0]}}},\"client_id\":\"direct-it\"}";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "/prompt"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(prompt)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(posted.body(), 200, posted.statusCode());
        long deadline = System.currentTimeMillis() + 20_000;
        while (texts.stream().noneMatch(t -> t.contains("\"node\": null")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(texts.toString(), texts.get(0).contains("\"sid\": \"direct-it\""));
        assertTrue(texts.toString(), texts.stream().anyMatch(t -> t.contains("\"type\": \"feature_flags\"")));
        assertTrue(texts.toString(), texts.stream().anyMatch(t -> t.contains("\"node\": null")));
        assertEquals(1, binaries.size());
        assertEquals("event 4: preview metadata was negotiated through the relay", 4, ByteBuffer.wrap(binaries.get(0)).getInt());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    public void withoutARunningComfyThereIsNothingToRelayTo() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/ComfyBackendDirect/backend-999/system_stats"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, r.statusCode());
    }
}
