package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * A self-started ComfyUI in the real launcher process, created over BackendAPI: it ends with the server (SIGTERM
 * runs the shutdown path), and when the server is killed with SIGKILL (no shutdown hooks) the ComfyUI it leaves
 * behind is ended by the server's next start, which launches a fresh one for the persisted backend.
 */
public class ComfyProcessIT {
    private static Map<String, Object> call(Api api, String session, String route, Map<String, ?> body) {
        Api.Reply r = api.call(session, route, body);
        assertEquals(r.toString(), 200, r.status);
        assertTrue(r.toString(), !r.json.containsKey("error"));
        return r.json;
    }

    @SuppressWarnings("unchecked")
    private static void awaitRunning(Api api, int id) throws InterruptedException {
        String session = api.newSession();
        long deadline = System.nanoTime() + 60_000_000_000L;
        Object last = null;
        while (System.nanoTime() < deadline) {
            last = call(api, session, "ListBackends", Map.of()).get(Integer.toString(id));
            if (last instanceof Map && "running".equals(((Map<String, Object>) last).get("status"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("backend " + id + " never became running: " + last);
    }

    private static Optional<ProcessHandle> comfyOf(ServerProcess server, ComfySimulator sim) {
        String script = sim.mainPy().toString();
        return ProcessHandle.of(server.pid()).stream().flatMap(ProcessHandle::descendants)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(script)).orElse(false)).findFirst();
    }

    /** Gone, or a zombie nobody has reaped yet (it no longer runs either way). */
    private static boolean ended(long pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/stat");
        if (!Files.exists(stat)) {
            return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String s = Files.readString(stat);
            return s.substring(s.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private static void awaitEnded(long pid) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ended(pid) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue("ComfyUI process " + pid + " still runs", ended(pid));
    }

    @Test
    public void aSelfStartedComfyNeverOutlivesItsServer() throws Exception {
        ComfySimulator sim = ComfySimulator.install();
        Path data = ServerProcess.newDataDir("comfy-process");
        try (ServerProcess server = ServerProcess.start(data)) {
            Api api = server.api();
            String s = api.newSession();
            int id = (Integer) call(api, s, "AddNewBackend", Map.of("type_id", "comfyui_selfstart")).get("id");
            call(api, s, "EditBackend", Map.of("backend_id", id, "title", "local comfy",
                    "settings", Map.of("StartScript", sim.mainPy().toString(), "FrontendVersion", "None")));
            awaitRunning(api, id);
            ProcessHandle first = comfyOf(server, sim).orElseThrow();

            assertEquals(0, server.stop());
            assertTrue("SIGTERM: the ComfyUI ended with the server", ended(first.pid()));

            server.restart();
            awaitRunning(server.api(), id);
            ProcessHandle second = comfyOf(server, sim).orElseThrow();
            server.killHard();
            assertTrue("after SIGKILL the ComfyUI is left running (no shutdown hook ran)", !ended(second.pid()));

            server.restart();
            awaitEnded(second.pid());
            awaitRunning(server.api(), id);
            ProcessHandle third = comfyOf(server, sim).orElseThrow();
            assertTrue(third.pid() != second.pid());
            assertEquals(0, server.stop());
            assertTrue(ended(third.pid()));
        }
    }
}
