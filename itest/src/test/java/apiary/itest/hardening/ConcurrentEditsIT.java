package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import apiary.itest.Api;
import apiary.itest.sessions.SessionsTestSupport;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Edits that race lose nothing: of parallel AddNewPreset calls for one title exactly one succeeds and is what is
 * stored (two used to succeed while one overwrote the other); parallel renames onto one title keep both presets;
 * parallel duplicates get different numbers. The other values that are read, changed and written back lose nothing
 * either: user settings, user data, roles (an edit and a limits change of one role at once; parallel adds of one
 * role), server settings. (Backend edits: BackendRoutesIT.parallelEditsOfOneBackendAllTakeEffect.)
 */
public class ConcurrentEditsIT extends SessionsTestSupport {
    private static final int PARALLEL = 12;
    private ExecutorService pool;
    private String prefix;
    private String session;

    @Before
    public void setUp() {
        pool = Executors.newFixedThreadPool(PARALLEL);
        prefix = unique("race");
        session = localSession();
    }

    @After
    public void tearDown() {
        pool.shutdownNow();
        for (Map<?, ?> p : presets()) {
            api().call(session, "DeletePreset", Map.of("preset", String.valueOf(p.get("title"))));
        }
    }

    private List<Map<?, ?>> presets() {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object p : (List<?>) api().call(session, "GetMyUserData", Map.of()).get("presets")) {
            if (String.valueOf(((Map<?, ?>) p).get("title")).startsWith(prefix)) {
                out.add((Map<?, ?>) p);
            }
        }
        return out;
    }

    /** Runs the calls at the same moment and returns their answers. */
    private List<Map<String, Object>> atOnce(List<Callable<Map<String, Object>>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Map<String, Object>>> futures = new ArrayList<>();
        for (Callable<Map<String, Object>> c : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return c.call();
            }));
        }
        go.countDown();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Future<Map<String, Object>> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    private Map<String, Object> add(String title, String marker, boolean isEdit, String editing) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("title", title, "description", marker,
                "param_map", Map.of("prompt", marker), "is_edit", isEdit));
        if (editing != null) {
            body.put("editing", editing);
        }
        return api().call(session, "AddNewPreset", body).json;
    }

    @Test
    public void oneTitleAddedInParallelIsStoredOnceAsExactlyTheWinner() throws Exception {
        String title = prefix + "-same";
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String marker = "writer-" + i;
            calls.add(() -> add(title, marker, false, null));
        }
        List<Map<String, Object>> answers = atOnce(calls);
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).containsKey("success")) {
                winners.add(i);
            } else {
                assertEquals(Map.of("preset_fail", "A preset with that title already exists."), answers.get(i));
            }
        }
        assertEquals("exactly one writer succeeded: " + answers, 1, winners.size());
        List<Map<?, ?>> stored = presets();
        assertEquals(1, stored.size());
        assertEquals("what is stored is the winner's", "writer-" + winners.get(0), stored.get(0).get("description"));
    }

    @Test
    public void renamesOntoOneTitleKeepBothPresets() throws Exception {
        String a = prefix + "-a";
        String b = prefix + "-b";
        String target = prefix + "-target";
        assertEquals(Map.of("success", true), add(a, "from-a", false, null));
        assertEquals(Map.of("success", true), add(b, "from-b", false, null));
        List<Map<String, Object>> answers = atOnce(List.of(() -> add(target, "from-a", true, a), () -> add(target, "from-b", true, b)));
        long ok = answers.stream().filter(r -> r.containsKey("success")).count();
        assertEquals(answers.toString(), 1, ok);
        Set<String> descriptions = new TreeSet<>();
        Set<String> titles = new TreeSet<>();
        for (Map<?, ?> p : presets()) {
            descriptions.add(String.valueOf(p.get("description")));
            titles.add(String.valueOf(p.get("title")));
        }
        assertEquals("both presets still exist", Set.of("from-a", "from-b"), descriptions);
        assertTrue(titles.toString(), titles.contains(target) && titles.size() == 2);
    }

    @Test
    public void renamesThatSwapTwoTitlesDestroyNeither() throws Exception {
        String a = prefix + "-swap-a";
        String b = prefix + "-swap-b";
        for (int round = 0; round < 5; round++) {
            assertEquals(Map.of("success", true), add(a + round, "from-a", false, null));
            assertEquals(Map.of("success", true), add(b + round, "from-b", false, null));
            String ra = a + round;
            String rb = b + round;
            // Each rename's target is the other's source: the old code deleted the target as it saved.
            atOnce(List.of(() -> add(rb, "from-a", true, ra), () -> add(ra, "from-b", true, rb)));
            Set<String> descriptions = new TreeSet<>();
            for (Map<?, ?> p : presets()) {
                String title = String.valueOf(p.get("title"));
                if (title.equals(ra) || title.equals(rb)) {
                    descriptions.add(String.valueOf(p.get("description")));
                }
            }
            assertEquals("round " + round + ": both presets survive", Set.of("from-a", "from-b"), descriptions);
        }
    }

    @Test
    public void parallelChangesOfDifferentUserSettingsAllTakeEffect() throws Exception {
        Map<String, Object> changes = Map.of("ui.tagmovehotkeyenabled", true, "ui.copytriggerphrasewithtrailingcomma", true,
                "ui.removeinterruptedgens", true, "ui.checkifsurebeforedelete", false, "ui.hideerrormessages", prefix,
                "ui.presetlistdetailsfields", prefix + "-fields");
        Map<String, Object> defaults = Map.of("ui.tagmovehotkeyenabled", false, "ui.copytriggerphrasewithtrailingcomma", false,
                "ui.removeinterruptedgens", false, "ui.checkifsurebeforedelete", true, "ui.hideerrormessages", "",
                "ui.presetlistdetailsfields", "");
        try {
            for (int round = 0; round < 3; round++) {
                List<Callable<Map<String, Object>>> calls = new ArrayList<>();
                Map<String, Object> target = round % 2 == 0 ? changes : defaults;
                target.forEach((k, v) -> calls.add(() -> api().call(session, "ChangeUserSettings", Map.of("settings", Map.of(k, v))).json));
                for (Map<String, Object> answer : atOnce(calls)) {
                    assertEquals(Map.of("success", true), answer);
                }
                Map<String, Object> stored = new java.util.HashMap<>();
                for (String k : target.keySet()) {
                    stored.put(k, users.find("local").orElseThrow().setting(k));
                }
                assertEquals("round " + round + ": every change is kept", target, stored);
            }
        } finally {
            api().call(session, "ChangeUserSettings", Map.of("settings", defaults));
        }
    }

    @Test
    public void parallelWritesOfUserDataKeepEveryValue() throws Exception {
        List<String> types = List.of("stability_api", "civitai_api", "huggingface_api");
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (String type : types) {
                calls.add(() -> api().call(session, "SetAPIKey", Map.of("keyType", type, "key", prefix + type)).json);
            }
            for (int i = 0; i < PARALLEL - types.size(); i++) { // first writes of one new name race each other
                List<String> starred = List.of(prefix + "-model-" + i);
                calls.add(() -> api().call(session, "SetStarredModels", Map.of("models", starred)).json);
            }
            for (Map<String, Object> answer : atOnce(calls)) {
                assertEquals(Map.of("success", true), answer);
            }
            for (String type : types) {
                assertTrue(type + " is stored", String.valueOf(api().call(session, "GetAPIKeyStatus", Map.of("keyType", type))
                        .get("status")).startsWith("last updated"));
            }
            Object starred = ((Map<?, ?>) api().call(session, "GetMyUserData", Map.of()).get("starred_models")).get("models");
            assertTrue("one writer's whole list is stored: " + starred,
                    starred instanceof List && ((List<?>) starred).size() == 1 && String.valueOf(((List<?>) starred).get(0)).startsWith(prefix));
        } finally {
            for (String type : types) {
                api().call(session, "SetAPIKey", Map.of("keyType", type, "key", "none"));
            }
            api().call(session, "SetStarredModels", Map.of());
        }
    }

    @Test
    public void aRoleEditAndALimitsChangeAtOnceBothTakeEffect() throws Exception {
        String name = prefix + "role";
        List<Map<String, Object>> adds = atOnce(java.util.Collections.nCopies(PARALLEL,
                () -> api().call(session, "AdminAddRole", Map.of("name", name)).json));
        assertEquals("one of the parallel adds of one role succeeds: " + adds, 1,
                adds.stream().filter(a -> a.containsKey("success")).count());
        String id = roles.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow().id();
        try {
            for (int round = 1; round <= 5; round++) {
                String description = "round " + round;
                int limit = 100 + round;
                List<Map<String, Object>> answers = atOnce(List.of(
                        () -> api().call(session, "AdminEditRole", Map.of("name", id, "description", description,
                                "max_outpath_depth", 5, "max_t2i_simultaneous", 3, "allow_unsafe_outpaths", false,
                                "model_whitelist", "", "model_blacklist", "", "permissions", "")).json,
                        () -> api().call(session, "AdminSetRoleLimits", Map.of("name", id, "max_queued_images", limit,
                                "scheduling_weight", 2)).json));
                assertEquals(List.of(Map.of("success", true), Map.of("success", true)), answers);
                apiary.core.api.user.RoleInfo role = roles.find(id).orElseThrow();
                assertEquals("the edit is kept", description, role.description());
                assertEquals("the limits change is kept (round " + round + ")", limit, role.maxQueuedImages());
            }
        } finally {
            api().call(session, "AdminDeleteRole", Map.of("name", id));
        }
    }

    @Test
    public void parallelChangesOfDifferentServerSettingsAllTakeEffect() throws Exception {
        List<String> keys = List.of("defaultuser.ui.tagmovehotkeyenabled", "defaultuser.ui.copytriggerphrasewithtrailingcomma",
                "defaultuser.ui.removeinterruptedgens", "defaultuser.centerimagealwaysgrow");
        Map<String, Object> before = new java.util.HashMap<>();
        keys.forEach(k -> before.put(k, settings.get(k)));
        try {
            List<Callable<Map<String, Object>>> calls = new ArrayList<>();
            for (String k : keys) {
                calls.add(() -> api().call(session, "ChangeServerSettings", Map.of("settings", Map.of(k, true))).json);
            }
            for (Map<String, Object> answer : atOnce(calls)) {
                assertEquals(Map.of("success", true), answer);
            }
            for (String k : keys) {
                assertEquals(k + " is kept", true, settings.get(k));
            }
        } finally {
            api().call(session, "ChangeServerSettings", Map.of("settings", before));
        }
    }

    @Test
    public void parallelDuplicatesGetNumbersOfTheirOwn() throws Exception {
        String source = prefix + "-dup";
        assertEquals(Map.of("success", true), add(source, "original", false, null));
        List<Callable<Map<String, Object>>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(() -> api().call(session, "DuplicatePreset", Map.of("preset", source)).json);
        }
        for (Map<String, Object> r : atOnce(calls)) {
            assertEquals(Map.of("success", true), r);
        }
        assertEquals(1 + PARALLEL, presets().size());
    }
}
