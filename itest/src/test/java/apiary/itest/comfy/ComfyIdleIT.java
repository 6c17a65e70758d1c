package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import apiary.core.api.backend.BackendStatus;
import apiary.itest.Api;

import org.junit.Test;

/**
 * {@code AllowIdle} through the running server (SwarmUI #1450): a by-URL ComfyUI that goes away makes its backend
 * idle (a request meeting it gets a clear answer, not a socket error), the backend comes back to running by itself
 * when the server returns and generates again; and a job that meets an idle server is redirected to another
 * backend and still succeeds.
 */
public class ComfyIdleIT extends ComfyTestSupport {
    /** A small API-format txt2img graph naming its checkpoint itself (the request names no model). */
    private static final String RAW_TXT2IMG = "{\"4\":{\"class_type\":\"CheckpointLoaderSimple\",\"inputs\":{\"ckpt_name\":\""
            + ComfySimulator.MODEL + "\"}},\"5\":{\"class_type\":\"EmptyLatentImage\",\"inputs\":{\"width\":64,\"height\":64,"
            + "\"batch_size\":1}},\"6\":{\"class_type\":\"CLIPTextEncode\",\"inputs\":{\"clip\":[\"4\",1],\"text\":\"a gull\"}},"
            + "\"3\":{\"class_type\":\"KSampler\",\"inputs\":{\"model\":[\"4\",0],\"seed\":${seed},\"steps\":${steps},\"cfg\":7,"
            + "\"sampler_name\":\"euler\",\"scheduler\":\"normal\",\"positive\":[\"6\",0],\"negative\":[\"6\",0],"
            + "\"latent_image\":[\"5\",0],\"denoise\":1}},\"8\":{\"class_type\":\"VAEDecode\",\"inputs\":{\"samples\":[\"3\",0],"
            + "\"vae\":[\"4\",2]}},\"9\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"8\",0]}}}";

    private int backend(ComfySimulator sim, boolean allowIdle) throws InterruptedException {
        return comfy.backend(sim, Map.of("AllowIdle", allowIdle, "OverQueue", 0));
    }

    private static Map<String, Object> request(long steps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("images", 1);
        m.put("model", ComfySimulator.MODEL);
        m.put("prompt", "a lighthouse at dusk");
        m.put("steps", steps);
        m.put("width", 64);
        m.put("height", 64);
        return m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> images(Api.Reply r) {
        assertEquals(r.toString(), 200, r.status);
        Object images = r.json.get("images");
        assertTrue(r.toString(), images instanceof List);
        return (List<Object>) images;
    }

    @Test
    public void anIdleBackendComesBackByItselfAndGeneratesAgain() throws Exception {
        ComfySimulator sim = comfy.simulator(0.01);
        int id = backend(sim, true);
        Api api = api();
        String session = api.newSession();
        assertEquals(1, images(api.call(session, "GenerateText2Image", request(2))).size());

        sim.kill();
        Api.Reply refused = api.call(session, "GenerateText2Image", request(2));
        assertEquals(refused.toString(), 200, refused.status);
        assertTrue("a request that meets the vanished server gets SwarmUI's error, not a socket failure: " + refused,
                refused.json.get("error") instanceof String && !String.valueOf(refused.json.get("error")).contains("Exception"));
        comfy.awaitStatus(id, BackendStatus.IDLE);

        sim.start();
        comfy.awaitStatus(id, BackendStatus.RUNNING);
        assertEquals("generates again after coming back", 1, images(api.call(session, "GenerateText2Image", request(2))).size());
    }

    @Test
    public void aJobThatMeetsAnIdleServerIsRedirectedToAnotherBackend() throws Exception {
        ComfySimulator gone = comfy.simulator(0.01);
        int idle = backend(gone, true);
        backend(comfy.simulator(0.05), false);
        gone.kill();
        Api api = api();
        String session = api.newSession();
        // Three requests at once, naming no model (a raw workflow), so the scheduler gives each free backend one:
        // the vanished server is met while the other is busy.
        Map<String, Object> raw = new LinkedHashMap<>();
        raw.put("images", 1);
        raw.put("steps", 20);
        raw.put("comfyworkflowraw", RAW_TXT2IMG);
        List<CompletableFuture<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> api.call(session, "GenerateText2Image", raw)));
        }
        for (CompletableFuture<Api.Reply> r : replies) {
            assertEquals("every request succeeds on the other backend", 1, images(r.get(60, TimeUnit.SECONDS)).size());
        }
        assertEquals("the vanished server's backend was met and went idle", BackendStatus.IDLE,
                registry.backend(idle).orElseThrow().status);
    }
}
