package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import apiary.itest.Api;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * DoModelDownloadWS against a local HTTP server: a good download with progress frames and a metadata sidecar; a
 * broken transfer resumed with a Range request, and one kept and resumed by the next DoModelDownloadWS; and the ways a
 * download must leave nothing behind (wrong hash, short body, over the size limit, cancel, bad names).
 */
public class ModelDownloadIT extends ModelsTestSupport {
    private static byte[] model() throws Exception {
        Path tmp = Files.createTempFile("dl", ".safetensors");
        ModelFiles.write(tmp, Map.of("modelspec.title", "Downloaded"), ModelFiles.SD1);
        byte[] bytes = Files.readAllBytes(tmp);
        Files.delete(tmp);
        return bytes;
    }

    private Api.WsResult download(String url, String type, String name, String metadata) {
        Map<String, Object> msg = body("session_id", session, "url", url, "type", type, "name", name);
        if (metadata != null) {
            msg.put("metadata", metadata);
        }
        return api().ws("DoModelDownloadWS", msg);
    }

    private List<String> loraFolder() throws Exception {
        Path lora = root.resolve("Lora");
        if (!Files.exists(lora)) {
            return List.of();
        }
        try (var s = Files.walk(lora)) {
            return s.filter(Files::isRegularFile).map(p -> lora.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    public void aDownloadIsListedWithItsMetadata() throws Exception {
        byte[] bytes = model();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        useTestFolders();
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.put("/m.safetensors", bytes);
            Api.WsResult r = download(http.url("/m.safetensors#sha256=" + sha), "LoRA", "sub/my lora", "{\"modelspec.author\": \"Dl\"}");
            assertEquals(r.frames.toString(), Map.of("success", true), r.last());
            assertTrue(r.frames.toString(), r.frames.stream().anyMatch(f -> f.containsKey("current_percent") && f.get("overall_percent") != null));
            assertEquals(List.of("sub/my_lora.safetensors", "sub/my_lora.swarm.json"), loraFolder());
            Map<String, Object> listed = file(call("ListModels", "path", "sub", "depth", 1, "subtype", "LoRA"), "sub/my_lora.safetensors");
            assertEquals("Downloaded", listed.get("title"));
            assertEquals("Dl", listed.get("author"));
            Api.WsResult again = download(http.url("/m.safetensors"), "LoRA", "sub/my lora", null);
            assertEquals(Map.of("error", "Model at that save path already exists."), again.last());
        }
    }

    private static byte[] bigModel() throws Exception {
        Path tmp = Files.createTempFile("dl", ".safetensors");
        ModelFiles.write(tmp, Map.of("modelspec.title", "Big", "modelspec.description", "d".repeat(300_000)), ModelFiles.SD1);
        byte[] bytes = Files.readAllBytes(tmp);
        Files.delete(tmp);
        return bytes;
    }

    @Test
    public void aBrokenTransferResumesWithARangeRequest() throws Exception {
        byte[] bytes = bigModel();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        useTestFolders();
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.putResumable("/big.safetensors", bytes, 100_000);
            Api.WsResult r = download(http.url("/big.safetensors#sha256=" + sha), "LoRA", "big", null);
            assertEquals(r.frames.toString(), Map.of("success", true), r.last());
            assertEquals(List.of("", "bytes=100000-"), http.ranges());
            assertEquals(List.of("big.safetensors"), loraFolder());
            assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(root.resolve("Lora/big.safetensors"))));
            assertEquals("Big", file(call("ListModels", "path", "", "depth", 1, "subtype", "LoRA"), "big.safetensors").get("title"));
        }
    }

    @Test
    public void aFailedTransferIsKeptAndTheNextDownloadResumesIt() throws Exception {
        byte[] bytes = bigModel();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        useTestFolders();
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.putResumable("/big.safetensors", bytes, 100_000);
            http.down(true);
            String error = (String) download(http.url("/big.safetensors#sha256=" + sha), "LoRA", "big", null).last().get("error");
            assertTrue(error, error.contains("100000 bytes received are kept"));
            assertEquals(List.of(".big.safetensors.download", ".big.safetensors.download.state"), loraFolder());
            assertEquals(List.of(), call("ListModels", "path", "", "depth", 1, "subtype", "LoRA").json.get("files"));
            http.down(false);
            Api.WsResult r = download(http.url("/big.safetensors#sha256=" + sha), "LoRA", "big", null);
            assertEquals(r.frames.toString(), Map.of("success", true), r.last());
            List<String> ranges = http.ranges();
            assertEquals("the second DoModelDownloadWS asked only for the rest", "bytes=100000-", ranges.get(ranges.size() - 1));
            assertEquals(List.of("big.safetensors"), loraFolder());
            assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(root.resolve("Lora/big.safetensors"))));
        }
    }

    @Test
    public void failedDownloadsLeaveNothing() throws Exception {
        byte[] bytes = model();
        useTestFolders();
        try (TinyHttpServer http = new TinyHttpServer()) {
            http.put("/m.safetensors", bytes);
            http.putLying("/short.safetensors", bytes, bytes.length + 100);
            String wrongSha = "0".repeat(64);
            String e1 = (String) download(http.url("/m.safetensors#sha256=" + wrongSha), "LoRA", "a", null).last().get("error");
            assertTrue(e1, e1.contains("SHA-256"));
            String e2 = (String) download(http.url("/short.safetensors"), "LoRA", "b", null).last().get("error");
            assertTrue(e2, e2.contains("connection ended"));
            String e3 = (String) download(http.url("/missing"), "LoRA", "c", null).last().get("error");
            assertTrue(e3, e3.contains("HTTP 404"));
            settings.change(Map.of("paths.modeldownloadmaxmegabytes", 1L));
            try {
                http.put("/big.safetensors", new byte[2 * 1024 * 1024]);
                String e4 = (String) download(http.url("/big.safetensors"), "LoRA", "d", null).last().get("error");
                assertTrue(e4, e4.contains("limit"));
            } finally {
                settings.change(Map.of("paths.modeldownloadmaxmegabytes", 64L * 1024));
            }
            assertEquals(List.of(), loraFolder());
        }
    }

    @Test
    public void badInputIsRefusedBeforeAnyRequest() throws Exception {
        useTestFolders();
        assertEquals(Map.of("error", "Invalid URL."), download("file:///etc/passwd", "LoRA", "x", null).last());
        assertEquals(Map.of("error", "Invalid type."), download("http://127.0.0.1:9/x", "Nope", "x", null).last());
        for (String name : List.of("../escape", "/abs", "a\\b", "sub/../../x")) {
            String error = (String) download("http://127.0.0.1:9/x", "LoRA", name, null).last().get("error");
            assertTrue(name + ": " + error, error.startsWith("Invalid name"));
        }
        assertEquals(Map.of("error", "Invalid metadata: must be a JSON object."), download("http://127.0.0.1:9/x", "LoRA", "x", "[1").last());
        assertEquals(List.of(), loraFolder());
    }

    @Test
    public void cancellingStopsAndCleansUp() throws Exception {
        useTestFolders();
        try (TinyHttpServer http = new TinyHttpServer()) {
            List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
            CompletableFuture<Integer> closed = new CompletableFuture<>();
            CompletableFuture<Void> progressed = new CompletableFuture<>();
            ObjectMapper json = new ObjectMapper();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/API/DoModelDownloadWS"), new WebSocket.Listener() {
                        @Override
                        @SuppressWarnings("unchecked")
                        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                            try {
                                Map<String, Object> f = json.readValue(data.toString(), Map.class);
                                frames.add(f);
                                if (f.containsKey("current_percent")) {
                                    progressed.complete(null);
                                }
                            } catch (Exception e) {
                                closed.completeExceptionally(e);
                            }
                            w.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                            closed.complete(code);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            ws.sendText(Api.write(body("session_id", session, "url", http.url("/stall"), "type", "LoRA", "name", "slow")), true);
            progressed.get(30, TimeUnit.SECONDS);
            ws.sendText("{\"signal\": \"cancel\"}", true);
            assertEquals(Integer.valueOf(1000), closed.get(30, TimeUnit.SECONDS));
            assertEquals(Map.of("error", "Download was cancelled."), frames.get(frames.size() - 1));
            assertEquals(List.of(), loraFolder());
        }
    }
}
