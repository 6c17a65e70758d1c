package apiary.itest.backends;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.api.settings.SettingsTree;
import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher with the echo backend installed as an extension from its own repository index: backends added,
 * edited, toggled and deleted through BackendAPI survive a restart (secrets kept, never shown), and with
 * {@code --lock-settings} every mutating backend route refuses with SwarmUI's message.
 */
public class BackendPersistenceIT {
    private static Map<String, String> withEchoIndex() {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        String shipped = dist.resolve("repository").resolve("index.xml").toUri().toString();
        String echo = Path.of(System.getProperty("apiary.itest.echoIndex")).toUri().toString();
        return Map.of("apiary.extensions.index", shipped + "," + echo);
    }

    private static Map<String, Object> call(Api api, String session, String route, Map<String, ?> body) {
        Api.Reply r = api.call(session, route, body);
        assertEquals(r.toString(), 200, r.status);
        return r.json;
    }

    /** Polls ListBackends until the backend has the status. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitStatus(Api api, String session, int id, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        Map<String, Object> last = null;
        while (System.nanoTime() < deadline) {
            last = (Map<String, Object>) call(api, session, "ListBackends", Map.of()).get(Integer.toString(id));
            if (last != null && status.equals(last.get("status"))) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend " + id + " never became " + status + ": " + last);
    }

    @Test
    @SuppressWarnings("unchecked")
    public void backendsSurviveARestartAndLockedSettingsRefuseChanges() throws Exception {
        Path data = ServerProcess.newDataDir("backend-persistence");
        Path tokenLog = data.resolveSibling(data.getFileName() + "-token.txt");
        int a;
        try (ServerProcess server = ServerProcess.start(data, List.of(), withEchoIndex())) {
            Api api = server.api();
            String s = api.newSession();
            assertEquals(Map.of("success", true), call(api, s, "InstallExtension", Map.of("extensionName", "itest_echo")));
            a = (Integer) call(api, s, "AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE)).get("id");
            int b = (Integer) call(api, s, "AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE)).get("id");
            int c = (Integer) call(api, s, "AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE)).get("id");
            Map<String, Object> edited = call(api, s, "EditBackend", Map.of("backend_id", a, "title", "Kept",
                    "settings", Map.of("Token", "s3cret", "TokenLog", tokenLog.toString(), "Features", "x")));
            assertEquals(SettingsTree.SECRET_MASK, ((Map<String, Object>) edited.get("settings")).get("Token"));
            assertEquals(Map.of("result", "Success."), call(api, s, "ToggleBackend", Map.of("backend_id", b, "enabled", false)));
            assertEquals(Map.of("result", "Deleted."), call(api, s, "DeleteBackend", Map.of("backend_id", c)));
            awaitStatus(api, s, a, "running");

            assertEquals(0, server.stop());
            Files.deleteIfExists(tokenLog);
            server.restart();
            api = server.api();
            s = api.newSession();
            Map<String, Object> kept = awaitStatus(api, s, a, "running");
            assertEquals("Kept", kept.get("title"));
            assertEquals(1, kept.get("modcount"));
            assertEquals(List.of("x"), kept.get("features"));
            assertEquals(SettingsTree.SECRET_MASK, ((Map<String, Object>) kept.get("settings")).get("Token"));
            assertEquals("the secret reached the instance after the restart", "s3cret", Files.readString(tokenLog));
            Map<String, Object> disabled = awaitStatus(api, s, b, "disabled");
            assertEquals(false, disabled.get("enabled"));
            assertFalse(call(api, s, "ListBackends", Map.of()).containsKey(Integer.toString(c)));
            int d = (Integer) call(api, s, "AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE)).get("id");
            assertTrue("a new backend takes the id after the highest stored one, as in SwarmUI", d == b + 1);
            assertEquals(0, server.stop());
        }
        try (ServerProcess locked = ServerProcess.start(data, List.of("--lock-settings"), withEchoIndex())) {
            Api api = locked.api();
            String s = api.newSession();
            Map<String, Object> refused = Map.of("error", "Settings are locked.");
            assertEquals(refused, call(api, s, "AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE)));
            assertEquals(refused, call(api, s, "EditBackend", Map.of("backend_id", a, "title", "x", "settings", Map.of())));
            assertEquals(refused, call(api, s, "DeleteBackend", Map.of("backend_id", a)));
            assertEquals(refused, call(api, s, "ToggleBackend", Map.of("backend_id", a, "enabled", false)));
            assertEquals(refused, call(api, s, "RestartBackends", Map.of()));
            assertTrue("listing still works", call(api, s, "ListBackends", Map.of()).containsKey(Integer.toString(a)));
            assertEquals("freeing memory is not a settings change (SwarmUI does not lock it)", true,
                    call(api, s, "FreeBackendMemory", Map.of()).get("result") instanceof Boolean);
            assertEquals(0, locked.stop());
        }
    }
}
