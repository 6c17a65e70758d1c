package apiary.itest.backends;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.settings.SettingsTree;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The eight BackendAPI routes over HTTP against real echo backends: shapes, SwarmUI's texts, secrets masked. */
public class BackendRoutesIT extends ApiaryTestSupport {
    @Inject
    private BackendRegistry registry;

    private BackendFixture backends;
    private EchoBundle echo;
    private Api api;
    private String session;

    @Before
    public void setUp() throws Exception {
        backends = new BackendFixture(() -> registry);
        echo = EchoBundle.install(context);
        api = api();
        session = api.newSession();
    }

    @After
    public void tearDown() throws Exception {
        backends.removeAll();
        echo.close();
    }

    private Map<String, Object> call(String route, Map<String, ?> body) {
        Api.Reply r = api.call(session, route, body);
        assertEquals(r.toString(), 200, r.status);
        return r.json;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> add() {
        Map<String, Object> b = call("AddNewBackend", Map.of("type_id", BackendFixture.ECHO_TYPE));
        backends.track((Integer) b.get("id"));
        return b;
    }

    @Test
    @SuppressWarnings("unchecked")
    public void listBackendTypesShowsTheSchema() {
        List<Map<String, Object>> list = (List<Map<String, Object>>) call("ListBackendTypes", Map.of()).get("list");
        Map<String, Object> echoType = list.stream().filter(t -> BackendFixture.ECHO_TYPE.equals(t.get("id"))).findFirst().orElseThrow();
        assertEquals(List.of("id", "name", "description", "settings", "is_standard"), new ArrayList<>(echoType.keySet()));
        assertEquals("Integration Test Backend", echoType.get("name"));
        assertEquals(false, echoType.get("is_standard"));
        Map<String, Map<String, Object>> byName = new java.util.LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) echoType.get("settings")) {
            byName.put((String) s.get("name"), s);
        }
        Map<String, Object> mode = byName.get("Mode");
        assertEquals(List.of("name", "type", "description", "placeholder", "is_secret", "values", "value_names"),
                new ArrayList<>(mode.keySet()));
        assertEquals("dropdown", mode.get("type"));
        assertEquals(List.of("run", "idle", "fail"), mode.get("values"));
        assertNull(mode.get("value_names"));
        assertEquals("integer", byName.get("FailTimes").get("type"));
        assertEquals("text", byName.get("Features").get("type"));
        assertEquals("boolean", byName.get("CanLoadModels").get("type"));
        assertEquals(true, byName.get("Token").get("is_secret"));
        assertEquals(false, byName.get("Features").get("is_secret"));
        assertNull(byName.get("Features").get("values"));
        assertEquals("group", byName.get("Limits").get("type"));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void addListEditAndDelete() throws Exception {
        assertEquals(Map.of("error", "Invalid backend type: nope"), call("AddNewBackend", Map.of("type_id", "nope")));
        Map<String, Object> added = add();
        int id = (Integer) added.get("id");
        assertEquals(List.of("type", "status", "id", "settings", "modcount", "features", "enabled", "title",
                "can_load_models", "max_usages", "seconds_since_used", "time_since_used"), new ArrayList<>(added.keySet()));
        assertEquals(BackendFixture.ECHO_TYPE, added.get("type"));
        assertEquals("", added.get("title"));
        assertEquals(0, added.get("modcount"));
        assertEquals("Never", added.get("time_since_used"));
        Map<String, Object> settings = (Map<String, Object>) added.get("settings");
        assertEquals("run", settings.get("Mode"));
        assertEquals(SettingsTree.SECRET_MASK, settings.get("Token"));
        assertEquals(Map.of("MaxUsages", 1), settings.get("Limits"));
        backends.await(id, BackendStatus.RUNNING);

        Path tokenLog = Files.createTempDirectory("backend-routes").resolve("token.txt");
        Map<String, Object> edited = call("EditBackend", Map.of("backend_id", id, "title", "Echo one",
                "settings", Map.of("token", "s3cret", "features", "a,b", "LIMITS", Map.of("maxusages", 2),
                        "TokenLog", tokenLog.toString())));
        assertEquals("Echo one", edited.get("title"));
        assertEquals(1, edited.get("modcount"));
        Map<String, Object> editedSettings = (Map<String, Object>) edited.get("settings");
        assertEquals("keys match case-insensitively", "a,b", editedSettings.get("Features"));
        assertEquals(Map.of("MaxUsages", 2), editedSettings.get("Limits"));
        assertEquals("the secret is never shown", SettingsTree.SECRET_MASK, editedSettings.get("Token"));
        backends.await(id, BackendStatus.RUNNING);
        assertEquals("the instance got the secret in clear", "s3cret", Files.readString(tokenLog));
        Files.delete(tokenLog);
        call("EditBackend", Map.of("backend_id", id, "title", "Echo one", "settings", Map.of("Token", SettingsTree.SECRET_MASK)));
        backends.await(id, "restarted", d -> d.status == BackendStatus.RUNNING && Files.exists(tokenLog));
        assertEquals("the mask sent back keeps the secret", "s3cret", Files.readString(tokenLog));

        Map<String, Object> listed = call("ListBackends", Map.of("full_data", true));
        Map<String, Object> one = (Map<String, Object>) listed.get(Integer.toString(id));
        assertEquals(SettingsTree.SECRET_MASK, ((Map<String, Object>) one.get("settings")).get("Token"));
        assertTrue(one.containsKey("current_model"));
        assertFalse(((Map<String, Object>) call("ListBackends", Map.of()).get(Integer.toString(id))).containsKey("current_model"));

        Map<String, Object> second = add();
        int other = (Integer) second.get("id");
        List<String> keys = new ArrayList<>(call("ListBackends", Map.of()).keySet());
        assertTrue("keyed by id, in id order: " + keys, keys.indexOf(Integer.toString(id)) < keys.indexOf(Integer.toString(other)));
        assertEquals(Map.of("error", "Backend ID " + other + " is already in use."),
                call("EditBackend", Map.of("backend_id", id, "title", "x", "settings", Map.of(), "new_id", other)));
        assertEquals(Map.of("error", "Invalid backend ID 424242"),
                call("EditBackend", Map.of("backend_id", 424242, "title", "x", "settings", Map.of())));
        assertEquals(Map.of("error", "Missing settings."), call("EditBackend", Map.of("backend_id", id, "title", "x")));
        Map<String, Object> bad = call("EditBackend", Map.of("backend_id", id, "title", "x", "settings", Map.of("FailTimes", "many")));
        assertTrue(bad.toString(), bad.get("error") instanceof String);
        assertEquals("a refused edit changed nothing", 2, registry.backend(id).orElseThrow().modcount);

        int moved = other + 100;
        Map<String, Object> rekeyed = call("EditBackend", Map.of("backend_id", id, "title", "moved", "settings", Map.of(), "new_id", moved));
        backends.track(moved);
        assertEquals(moved, rekeyed.get("id"));
        assertEquals(Map.of("result", "Deleted."), call("DeleteBackend", Map.of("backend_id", moved)));
        assertEquals(Map.of("result", "Already didn't exist."), call("DeleteBackend", Map.of("backend_id", moved)));
        assertFalse(call("ListBackends", Map.of()).containsKey(Integer.toString(moved)));
    }

    @Test
    public void toggleRestartAndFreeMemory() throws Exception {
        int a = (Integer) add().get("id");
        int b = (Integer) add().get("id");
        backends.await(a, BackendStatus.RUNNING);
        backends.await(b, BackendStatus.RUNNING);
        assertEquals(Map.of("result", "No change."), call("ToggleBackend", Map.of("backend_id", a, "enabled", true)));
        assertEquals(Map.of("result", "Success."), call("ToggleBackend", Map.of("backend_id", a, "enabled", false)));
        backends.await(a, BackendStatus.DISABLED);
        assertEquals(Map.of("error", "Invalid backend ID 424242"), call("ToggleBackend", Map.of("backend_id", 424242, "enabled", false)));

        assertEquals("only running or errored backends restart", Map.of("result", "Success.", "count", 1),
                call("RestartBackends", Map.of()));
        backends.await(b, BackendStatus.RUNNING);
        assertEquals(Map.of("result", "Success.", "count", 1), call("RestartBackends", Map.of("backend", Integer.toString(b))));
        assertEquals(Map.of("result", "Success.", "count", 0), call("RestartBackends", Map.of("backend", Integer.toString(a))));
        backends.await(b, BackendStatus.RUNNING);

        assertEquals(Map.of("result", true, "count", 1), call("FreeBackendMemory", Map.of()));
        assertEquals(Map.of("result", false, "count", 0), call("FreeBackendMemory", Map.of("backend", Integer.toString(a))));
        assertEquals(Map.of("result", "Success."), call("ToggleBackend", Map.of("backend_id", a, "enabled", true)));
        backends.await(a, BackendStatus.RUNNING);
        assertEquals(Map.of("result", true, "count", 2), call("FreeBackendMemory", Map.of("system_ram", true)));
    }

    /** Parallel EditBackend calls, each changing another setting of one backend: every change is kept (issue #9 finding 9). */
    @Test
    @SuppressWarnings("unchecked")
    public void parallelEditsOfOneBackendAllTakeEffect() throws Exception {
        int id = (Integer) add().get("id");
        Map<String, Object> changes = Map.of("LatencyMs", 7, "Previews", 2, "Features", "x,y", "LoRAs", "l1",
                "Models", "m1,m2", "LoadLatencyMs", 3);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(changes.size());
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Map<String, Object>>> answers = new ArrayList<>();
            changes.forEach((k, v) -> answers.add(pool.submit(() -> {
                go.await();
                return call("EditBackend", Map.of("backend_id", id, "title", "raced", "settings", Map.of(k, v)));
            })));
            go.countDown();
            for (java.util.concurrent.Future<Map<String, Object>> a : answers) {
                assertEquals("raced", a.get().get("title"));
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> listed = (Map<String, Object>) call("ListBackends", Map.of()).get(Integer.toString(id));
        Map<String, Object> settings = (Map<String, Object>) listed.get("settings");
        changes.forEach((k, v) -> assertEquals(k + " is kept", String.valueOf(v), String.valueOf(settings.get(k))));
        assertEquals("every edit counted", changes.size(), listed.get("modcount"));
    }
}
