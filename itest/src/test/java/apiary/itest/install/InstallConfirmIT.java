package apiary.itest.install;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeFalse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.settings.ServerSettings;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * InstallConfirmWS over a real WebSocket: the whole first-run setup, its refusal once done, bad input, and a model
 * download that cannot reach the internet. Every test puts the server back to "not installed".
 */
public class InstallConfirmIT extends ApiaryTestSupport {
    private static final List<String> RESTORED = List.of("isinstalled", "installdate", "installversion",
            "defaultuser.theme", "defaultuser.language");

    @Inject
    private ServerSettings settings;
    @Inject
    private BackendRegistry registry;

    private final Map<String, Object> saved = new HashMap<>();
    private List<Integer> backendsBefore;

    @Before
    public void setUp() {
        for (String id : RESTORED) {
            saved.put(id, settings.get(id));
        }
        settings.change(Map.of("isinstalled", false));
        backendsBefore = ids();
    }

    @After
    public void tearDown() {
        for (int id : ids()) {
            if (!backendsBefore.contains(id)) {
                registry.remove(id);
            }
        }
        settings.change(saved);
    }

    private List<Integer> ids() {
        List<Integer> out = new ArrayList<>();
        registry.backends().forEach(b -> out.add(b.id));
        return out;
    }

    private static Map<String, Object> request(String theme, String backend, String models) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("theme", theme);
        m.put("installed_for", "just_self");
        m.put("backend", backend);
        m.put("models", models);
        m.put("install_amd", false);
        m.put("language", "en");
        return m;
    }

    private Api.WsResult install(Map<String, Object> request) {
        Api api = api();
        Map<String, Object> body = new LinkedHashMap<>(request);
        body.put("session_id", api.newSession());
        return api.ws("InstallConfirmWS", body);
    }

    private static List<String> infos(Api.WsResult r) {
        List<String> out = new ArrayList<>();
        r.frames.stream().filter(f -> f.containsKey("info")).forEach(f -> out.add((String) f.get("info")));
        return out;
    }

    @Test
    public void setsTheServerUpAndAddsTheComfyBackend() throws InterruptedException {
        Api.WsResult r = install(request("modern_light", "comfyui", "none"));
        assertEquals(1000, r.closeCode);
        assertEquals(Map.of("success", true), r.last());
        List<String> infos = infos(r);
        assertEquals("Installation request received, processing...", infos.get(0));
        assertTrue(infos.toString(), infos.contains("Setting theme to modern_light."));
        assertTrue(infos.toString(), infos.contains("Configuring settings as 'just yourself' install."));
        assertEquals("Installed!", infos.get(infos.size() - 1));
        List<Map<String, Object>> progress = new ArrayList<>();
        r.frames.stream().filter(f -> f.containsKey("steps")).forEach(progress::add);
        assertEquals(Map.of("progress", 0, "total", 0, "steps", 5, "total_steps", 4, "per_second", 0).keySet(),
                progress.get(0).keySet());
        assertEquals("the last step completes the total", progress.get(progress.size() - 1).get("total_steps"),
                progress.get(progress.size() - 1).get("steps"));

        assertTrue(settings.getBoolean("isinstalled"));
        assertEquals(LocalDate.now().toString(), settings.get("installdate"));
        assertFalse(((String) settings.get("installversion")).isEmpty());
        assertEquals("modern_light", settings.get("defaultuser.theme"));
        assertEquals("en", settings.get("defaultuser.language"));

        List<BackendDTO> added = new ArrayList<>();
        registry.backends().stream().filter(b -> !backendsBefore.contains(b.id)).forEach(added::add);
        assertEquals(1, added.size());
        BackendDTO comfy = added.get(0);
        assertEquals("comfyui_selfstart", comfy.type);
        assertTrue(comfy.enabled);
        assertTrue("backend.comfy provides the type", comfy.typeAvailable);
        BackendDTO settled = awaitErrored(comfy.id);
        assertTrue(settled.statusMessage, settled.statusMessage.contains("main.py does not exist"));
    }

    /** The entry's ComfyUI is not on disk (the installer does not download it): its init fails until errored. */
    private BackendDTO awaitErrored(int id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        BackendDTO dto = registry.backend(id).orElseThrow();
        while (dto.status != BackendStatus.ERRORED && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            dto = registry.backend(id).orElseThrow();
        }
        assertEquals(BackendStatus.ERRORED, dto.status);
        return dto;
    }

    @Test
    public void refusesToRunTwice() {
        assertEquals(Map.of("success", true), install(request("modern_dark", "none", "none")).last());
        Api.WsResult again = install(request("modern_dark", "none", "none"));
        assertEquals(List.of(Map.of("error", "Server is already installed!")), again.frames);
        assertEquals(1000, again.closeCode);
    }

    @Test
    public void badInputIsNamedAndChangesNothing() {
        assertFailure(request("no_such_theme", "comfyui", "none"), "Invalid theme input!");
        Map<String, Object> lan = request("modern_dark", "comfyui", "none");
        lan.put("installed_for", "the_world");
        assertFailure(lan, "Invalid install type 'the_world'!");
        assertFailure(request("modern_dark", "automatic1111", "none"), "Invalid backend type 'automatic1111'!");
        assertFailure(request("modern_dark", "comfyui", "sd15,sd99"), "Invalid model sd99!");

        Map<String, Object> missing = request("modern_dark", "comfyui", "none");
        missing.remove("models");
        assertEquals(List.of(Map.of("error", "Missing required parameter 'models'")), install(missing).frames);
        Map<String, Object> notBoolean = request("modern_dark", "comfyui", "none");
        notBoolean.put("install_amd", "perhaps");
        assertEquals(List.of(Map.of("error", "Invalid value 'perhaps' for parameter 'install_amd', must be type 'Boolean'")),
                install(notBoolean).frames);
        assertNothingChanged();
    }

    @Test
    public void anUnreachableModelDownloadFailsClearlyAndChangesNothing() throws Exception {
        assumeFalse("this machine can reach huggingface.co; the offline error cannot be shown", resolves("huggingface.co"));
        long start = System.nanoTime();
        Api.WsResult r = install(request("modern_light", "comfyui", "sd15"));
        assertTrue("no hang", System.nanoTime() - start < 60_000_000_000L);
        List<String> infos = infos(r);
        assertTrue(infos.toString(), infos.contains("Downloading model from 'https://huggingface.co/Comfy-Org/"
                + "stable-diffusion-v1-5-archive/resolve/main/v1-5-pruned-emaonly-fp16.safetensors'... please wait..."));
        String error = (String) r.last().get("error");
        assertTrue(error, error.startsWith("Failed to download model 'sd15' from 'https://huggingface.co/"));
        assertTrue(error, error.contains("Nothing was changed"));
        assertEquals("Error: " + error, infos.get(infos.size() - 1));
        assertEquals(1000, r.closeCode);
        assertNothingChanged();
    }

    private void assertFailure(Map<String, Object> request, String message) {
        Api.WsResult r = install(request);
        assertEquals(Map.of("error", message), r.last());
        List<String> infos = infos(r);
        assertEquals("Error: " + message, infos.get(infos.size() - 1));
        assertEquals(1000, r.closeCode);
    }

    private void assertNothingChanged() {
        assertFalse(settings.getBoolean("isinstalled"));
        assertEquals(saved.get("defaultuser.theme"), settings.get("defaultuser.theme"));
        assertEquals(backendsBefore, ids());
    }

    private static boolean resolves(String host) {
        try {
            InetAddress.getByName(host);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
