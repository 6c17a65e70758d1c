package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.log.ServerLog;
import apiary.core.api.settings.SettingDef;
import apiary.itest.Api;

import org.junit.Test;

/**
 * The backend.comfy bundle in the running server: both types registered with SwarmUI's settings, a by-URL backend
 * against a running simulator, and a self-started one whose process lives exactly as long as its entry.
 */
public class ComfyBackendIT extends ComfyTestSupport {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    private ServerLog log;

    @Test
    public void bothTypesAreRegisteredWithSwarmsSettings() {
        BackendTypeInfo api = type("comfyui_api");
        assertEquals(List.of("Address", "AllowIdle", "OverQueue", "EnableFrontendDev"), names(api));
        assertTrue(api.fastLoad());
        BackendTypeInfo self = type("comfyui_selfstart");
        assertEquals(List.of("StartScript", "ExtraArgs", "DisableInternalArgs", "AutoUpdate", "UpdateManagedNodes",
                "FrontendVersion", "EnablePreviews", "GPU_ID", "OverQueue", "AutoRestart"), names(self));
        assertTrue(self.standard());
    }

    @Test
    public void byUrlBackendRunsWithTheServersFeatures() throws Exception {
        try (ComfySimulator sim = ComfySimulator.install().start()) {
            BackendDTO dto = add("comfyui_api", Map.of("Address", sim.base()));
            BackendDTO running = await(dto.id, d -> d.status == BackendStatus.RUNNING);
            assertTrue(running.features.toString(), running.features.containsAll(List.of("comfyui", "folderslash")));
            assertEquals(2, running.maxUsages);

            // The driver's parameters are in ListT2IParams, the sampler list extended from the server's KSampler.
            Api api = api();
            Api.Reply params = api.call(api.newSession(), "ListT2IParams", Map.of());
            Map<?, ?> sampler = param(params, "sampler");
            assertTrue(params.toString(), sampler != null && ((List<?>) sampler.get("values")).contains("res_multistep_ancestral_cfg_pp"));
            assertTrue(((List<?>) param(params, "scheduler").get("values")).contains("karras"));
            assertEquals("comfyui", param(params, "comfyuicustomworkflow").get("feature_flag"));
            assertTrue("the raw workflow parameter is listed (hidden)", param(params, "comfyworkflowraw") != null);
        }
    }

    private static Map<?, ?> param(Api.Reply r, String id) {
        for (Object p : (List<?>) r.json.get("list")) {
            if (id.equals(((Map<?, ?>) p).get("id"))) {
                return (Map<?, ?>) p;
            }
        }
        return null;
    }

    @Test
    public void unreachableAddressErrorsWithAReason() throws Exception {
        BackendDTO dto = add("comfyui_api", Map.of("Address", "http://127.0.0.1:9"));
        BackendDTO errored = await(dto.id, d -> d.status == BackendStatus.ERRORED);
        assertTrue(String.valueOf(errored.statusMessage), String.valueOf(errored.statusMessage).contains("Cannot reach ComfyUI"));
    }

    @Test
    public void selfStartedComfyLivesExactlyAsLongAsItsEntry() throws Exception {
        ComfySimulator sim = ComfySimulator.install();
        BackendDTO dto = add("comfyui_selfstart", Map.of("StartScript", sim.mainPy().toString(), "FrontendVersion", "None"));
        BackendDTO running = await(dto.id, d -> d.status == BackendStatus.RUNNING);
        assertTrue(running.features.contains("comfyui"));
        Optional<ProcessHandle> process = comfyProcess(sim);
        assertTrue("the ComfyUI process runs", process.isPresent());
        comfy.remove(dto.id);
        assertFalse("no ComfyUI left after removal", process.get().isAlive());
    }

    @Test
    public void aCrashedSelfStartedComfyIsRestartedAndItsOutputIsLogged() throws Exception {
        ComfySimulator sim = ComfySimulator.install();
        BackendDTO dto = add("comfyui_selfstart", Map.of("StartScript", sim.mainPy().toString(), "FrontendVersion", "None",
                "AutoRestart", true));
        await(dto.id, d -> d.status == BackendStatus.RUNNING);
        String tracker = "ComfyUI-" + dto.id;
        assertTrue("ComfyUI's output goes to its log tracker",
                log.messages(tracker, 0).stream().anyMatch(m -> m.message.contains("To see the GUI go to")));
        ProcessHandle first = comfyProcess(sim).orElseThrow();
        first.destroyForcibly();
        await(dto.id, d -> d.status != BackendStatus.RUNNING);
        await(dto.id, d -> d.status == BackendStatus.RUNNING);
        ProcessHandle second = comfyProcess(sim).orElseThrow();
        assertTrue("a new process", second.pid() != first.pid());
        long started = log.messages(tracker, 0).stream().filter(m -> m.message.contains("To see the GUI go to")).count();
        assertEquals("both launches logged", 2, started);
        comfy.remove(dto.id);
        assertFalse("no ComfyUI left after removal", second.isAlive());
    }

    @Test
    public void withoutAutoRestartACrashedComfyLeavesTheBackendErrored() throws Exception {
        ComfySimulator sim = ComfySimulator.install();
        BackendDTO dto = add("comfyui_selfstart", Map.of("StartScript", sim.mainPy().toString(), "FrontendVersion", "None",
                "AutoRestart", false));
        await(dto.id, d -> d.status == BackendStatus.RUNNING);
        ProcessHandle p = comfyProcess(sim).orElseThrow();
        p.destroyForcibly();
        await(dto.id, d -> d.status == BackendStatus.ERRORED);
        assertFalse("not relaunched", comfyProcess(sim).isPresent());
    }

    private Optional<ProcessHandle> comfyProcess(ComfySimulator sim) {
        String script = sim.mainPy().toString();
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(script)).orElse(false)).findFirst();
    }

    private BackendDTO add(String type, Map<String, Object> settings) {
        return comfy.add(type, settings);
    }

    private BackendDTO await(int id, Predicate<BackendDTO> check) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        BackendDTO last = null;
        while (System.nanoTime() < deadline) {
            last = registry.backend(id).orElse(null);
            if (last != null && check.test(last)) {
                return last;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backend " + id + " never got there; last: " + (last == null ? null : last.status + " " + last.statusMessage));
    }

    private BackendTypeInfo type(String id) {
        return registry.types().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<String> names(BackendTypeInfo t) {
        return t.settings().stream().map(SettingDef::name).toList();
    }
}
