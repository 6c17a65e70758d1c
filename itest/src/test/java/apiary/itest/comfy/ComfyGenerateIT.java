package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.inject.Inject;

import apiary.core.api.backend.BackendStatus;
import apiary.core.api.server.ServerInfo;
import apiary.itest.Api;

import org.junit.Test;

/**
 * Generation end to end: GenerateText2ImageWS / GenerateText2Image through the real pipeline and scheduler onto
 * ComfyUI simulators driven by backend.comfy: progress with previews, real images, img2img, a LoRA chain, a raw
 * workflow, an interrupt, a ComfyUI killed mid-job, and two ComfyUI backends working at once.
 */
public class ComfyGenerateIT extends ComfyTestSupport {
    @Inject
    private ServerInfo server;

    private int lastBackend;

    /** Starts a simulator and a backend for it; the backend's id is then {@link #lastBackend}. */
    private ComfySimulator backend(double stepSeconds) throws Exception {
        ComfySimulator sim = comfy.simulator(stepSeconds);
        lastBackend = comfy.backend(sim, Map.of());
        return sim;
    }

    private static Map<String, Object> request(String session, Object... more) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("session_id", session);
        m.put("images", 1);
        m.put("model", ComfySimulator.MODEL);
        m.put("prompt", "a red fox in the snow");
        m.put("steps", 4);
        m.put("width", 64);
        m.put("height", 64);
        for (int i = 0; i < more.length; i += 2) {
            m.put((String) more[i], more[i + 1]);
        }
        return m;
    }

    private static List<Map<String, Object>> kind(Api.WsResult r, String key) {
        return r.frames.stream().filter(f -> f.containsKey(key)).collect(Collectors.toList());
    }

    @Test
    public void generatesWithProgressAndPreviews() throws Exception {
        backend(0.02);
        Api api = api();
        Api.WsResult r = api.ws("GenerateText2ImageWS", request(api.newSession(), "images", 2));
        List<Map<String, Object>> images = kind(r, "image");
        assertEquals(r.frames.toString(), 2, images.size());
        List<Map<String, Object>> progress = kind(r, "gen_progress");
        assertTrue(r.frames.toString(), progress.stream().anyMatch(f -> ((Map<?, ?>) f.get("gen_progress")).containsKey("preview")));
        for (Map<String, Object> img : images) {
            byte[] png = fetch(api, (String) img.get("image"));
            assertEquals(64, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        }
        assertTrue(r.frames.toString(), r.frames.stream().anyMatch(f -> f.containsKey("discard_indices")));
    }

    @Test
    public void img2imgLoraChainAndRawWorkflow() throws Exception {
        backend(0.01);
        Api api = api();
        String session = api.newSession();
        java.awt.image.BufferedImage init = new java.awt.image.BufferedImage(48, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        ImageIO.write(init, "png", png);
        Api.WsResult img2img = api.ws("GenerateText2ImageWS", request(session, "initimage",
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()), "initimagecreativity", 0.5,
                "loras", ComfySimulator.LORA, "loraweights", "0.75"));
        List<Map<String, Object>> images = kind(img2img, "image");
        assertEquals(img2img.frames.toString(), 1, images.size());
        assertEquals("img2img keeps the init image's size", 48,
                ImageIO.read(new ByteArrayInputStream(fetch(api, (String) images.get(0).get("image")))).getWidth());

        String raw = "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":${width},\"height\":${height},\"batch_size\":1,"
                + "\"color\":255}},\"2\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"1\",0]}}}";
        Api.WsResult custom = api.ws("GenerateText2ImageWS", request(session, "comfyworkflowraw", raw, "width", 80, "height", 72));
        List<Map<String, Object>> made = kind(custom, "image");
        assertEquals(custom.frames.toString(), 1, made.size());
        java.awt.image.BufferedImage out = ImageIO.read(new ByteArrayInputStream(fetch(api, (String) made.get(0).get("image"))));
        assertEquals(80, out.getWidth());
        assertEquals(72, out.getHeight());
        assertEquals("the raw workflow's own pixels", 0xFF, out.getRGB(0, 0) & 0xFF);
    }

    @Test
    public void aCustomWorkflowSavedOnTheServerIsUsedByName() throws Exception {
        backend(0.01);
        // As SwarmUI saves them: <data>/ComfyUIWorkflows/<name>.json with the API-format text under "prompt".
        java.nio.file.Path folder = server.dataDir().resolve("ComfyUIWorkflows");
        java.nio.file.Files.createDirectories(folder);
        String prompt = "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":${width},\"height\":${height},\"batch_size\":1,"
                + "\"color\":65280}},\"2\":{\"class_type\":\"ImageInvert\",\"inputs\":{\"image\":[\"1\",0]}},"
                + "\"3\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"2\",0]}}}";
        java.nio.file.Files.writeString(folder.resolve("Inverted Green.json"), Api.write(Map.of("name", "Inverted Green", "prompt", prompt)));
        Api api = api();
        String session = api.newSession();
        Api.WsResult r = api.ws("GenerateText2ImageWS", request(session, "comfyuicustomworkflow", "Inverted Green", "width", 72, "height", 64));
        List<Map<String, Object>> made = kind(r, "image");
        assertEquals(r.frames.toString(), 1, made.size());
        java.awt.image.BufferedImage out = ImageIO.read(new ByteArrayInputStream(fetch(api, (String) made.get(0).get("image"))));
        assertEquals(72, out.getWidth());
        assertEquals("green inverted is magenta", 0xFF00FF, out.getRGB(0, 0) & 0xFFFFFF);

        Api.WsResult unknown = api.ws("GenerateText2ImageWS", request(session, "comfyuicustomworkflow", "../../etc/passwd"));
        assertTrue(unknown.frames.toString(), kind(unknown, "error").stream()
                .anyMatch(f -> "Unknown ComfyUI custom workflow '../../etc/passwd'.".equals(f.get("error"))));
    }

    @Test
    public void interruptAllStopsAGeneration() throws Exception {
        backend(0.05);
        Api api = api();
        String session = api.newSession();
        CompletableFuture<Api.WsResult> running = CompletableFuture.supplyAsync(
                () -> api.ws("GenerateText2ImageWS", request(session, "steps", 400)));
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && registry.backends().stream().noneMatch(b -> b.usages > 0)) {
            Thread.sleep(20);
        }
        assertEquals(Map.of("success", true), api.call(session, "InterruptAll", Map.of()).json);
        Api.WsResult r = running.get(20, TimeUnit.SECONDS);
        assertTrue(r.frames.toString(), kind(r, "image").isEmpty());
    }

    @Test
    public void aComfyKilledMidGenerationGivesTheUserAPlainErrorWithinFiveSeconds() throws Exception {
        ComfySimulator sim = backend(0.05);
        int id = lastBackend;
        Api api = api();
        String session = api.newSession();
        // A first, short generation loads the model, so that the kill below meets the generation itself.
        assertEquals(1, kind(api.ws("GenerateText2ImageWS", request(session, "steps", 2)), "image").size());
        CompletableFuture<Api.WsResult> running = CompletableFuture.supplyAsync(
                () -> api.ws("GenerateText2ImageWS", request(session, "steps", 400)));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        // Wait until ComfyUI is running the prompt (its queue says so), then kill it.
        while (System.currentTimeMillis() < deadline && !http.send(HttpRequest.newBuilder(URI.create(sim.base() + "/queue")).build(),
                HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*\"queue_running\":\\s*\\[\\s*\\[.*")) {
            Thread.sleep(20);
        }
        sim.kill();
        long killed = System.nanoTime();
        Api.WsResult r = running.get(30, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - killed) / 1_000_000;
        List<Map<String, Object>> errors = kind(r, "error");
        assertEquals(r.frames.toString(), 1, errors.size());
        String message = String.valueOf(errors.get(0).get("error"));
        assertTrue(message, message.startsWith("ComfyUI stopped during the generation"));
        assertFalse("no socket jargon for the user: " + message, message.contains("Exception") || message.contains("handshake"));
        assertTrue("failed " + tookMs + " ms after the kill", tookMs < 5000);
        assertTrue(kind(r, "image").isEmpty());
        comfy.awaitStatus(id, BackendStatus.ERRORED);
    }

    private byte[] fetch(Api api, String image) throws Exception {
        if (image.startsWith("data:")) {
            return Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.uri("/" + image.replace(" ", "%20"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(image, 200, r.statusCode());
        return r.body();
    }
}
