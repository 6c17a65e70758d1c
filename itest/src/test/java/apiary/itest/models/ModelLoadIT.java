package apiary.itest.models;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.itest.Api;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * SelectModel, SelectModelWS, ListLoadedModels and remote-only models against real echo backends: loads go through
 * the scheduler, {@code loaded} follows the backends' current model, and names only a backend reports are listed
 * with {@code local: false} when {@code allowRemote} is set.
 */
public class ModelLoadIT extends ModelsTestSupport {
    private static final String ECHO = "itest_echo_backend";

    @Inject
    private BackendRegistry registry;

    private EchoBundle echo;
    private final List<Integer> added = new ArrayList<>();

    @Before
    public void installEcho() throws Exception {
        echo = EchoBundle.install(context);
    }

    @After
    public void removeBackends() throws Exception {
        added.forEach(registry::remove);
        echo.close();
    }

    private BackendDTO backend(Map<String, Object> settings) throws InterruptedException {
        BackendDTO dto = registry.add(ECHO, "models", settings);
        added.add(dto.id);
        return await(dto.id, b -> b.status == BackendStatus.RUNNING);
    }

    private BackendDTO await(int id, Predicate<BackendDTO> check) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        BackendDTO last = null;
        while (System.nanoTime() < deadline) {
            last = registry.backend(id).orElse(null);
            if (last != null && check.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend #" + id + " never got there: " + (last == null ? "gone" : last.status + " " + last.currentModel));
    }

    @Test
    public void loadedFlagsSelectModelAndRemoteModels() throws Exception {
        ModelFiles.write(sd("a.safetensors"), Map.of(), ModelFiles.SD1);
        ModelFiles.write(sd("b.safetensors"), Map.of(), ModelFiles.SDXL);
        useTestFolders();
        BackendDTO b = backend(Map.of("Models", "a.safetensors,b.safetensors,remote-only.safetensors", "CurrentModel", "a.safetensors"));

        Api.Reply list = call("ListModels", "path", "", "depth", 1);
        assertEquals(List.of("a.safetensors", "b.safetensors", "remote-only.safetensors"), names(list));
        assertEquals(true, file(list, "a.safetensors").get("loaded"));
        assertEquals(false, file(list, "b.safetensors").get("loaded"));
        assertEquals(false, file(list, "remote-only.safetensors").get("local"));
        assertEquals(List.of("a.safetensors", "b.safetensors"), names(call("ListModels", "path", "", "depth", 1, "allowRemote", false)));
        assertEquals(false, ((Map<?, ?>) call("DescribeModel", "modelName", "remote-only").get("model")).get("local"));

        assertEquals(Map.of("success", true), call("SelectModel", "model", "b").json);
        await(b.id, d -> "b.safetensors".equals(d.currentModel));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> loaded = (List<Map<String, Object>>) call("ListLoadedModels").get("models");
        assertEquals(List.of("b.safetensors"), loaded.stream().map(m -> m.get("name")).toList());
        assertEquals(true, loaded.get(0).get("loaded"));

        Api.WsResult ws = api().ws("SelectModelWS", body("session_id", session, "model", "a.safetensors"));
        assertEquals(ws.frames.toString(), 3, ws.frames.size());
        assertTrue(ws.frames.get(0).containsKey("status"));
        assertEquals(Map.of("success", true), ws.frames.get(1));
        assertTrue(ws.frames.get(2).containsKey("backend_status"));
        assertEquals(1000, ws.closeCode);

        assertEquals(Map.of("error", "Model not found."), call("SelectModel", "model", "nope").json);
        assertEquals(Map.of("error", "Invalid empty name."), call("SelectModel", "model", "").json);
        assertEquals(Map.of("error", "Model failed to load."), call("SelectModel", "model", "a", "backendId", "999999").json);
    }

    @Test
    public void aFailingLoadIsReported() throws Exception {
        ModelFiles.write(sd("c.safetensors"), Map.of(), ModelFiles.SD1);
        useTestFolders();
        backend(Map.of("LoadMode", "fail"));
        assertEquals(Map.of("error", "Model failed to load."), call("SelectModel", "model", "c").json);
        assertEquals(List.of(), call("ListLoadedModels").get("models"));
    }
}
