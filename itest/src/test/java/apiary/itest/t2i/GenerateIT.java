package apiary.itest.t2i;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.inject.Inject;

import apiary.core.api.backend.BackendRegistry;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * GenerateText2Image over HTTP and WebSocket against real echo backends in the running server: SwarmUI's frame
 * sequence for one image and a batch, a follow-up request on the same socket, an interrupt, a backend failure, and
 * the saved files' metadata read back through the history. Counters are back at zero after every path.
 */
public class GenerateIT extends ApiaryTestSupport {
    @Inject
    private BackendRegistry registry;
    private EchoBackends echo;

    @Before
    public void setUp() throws Exception {
        echo = new EchoBackends(context, registry);
    }

    @After
    public void tearDown() throws Exception {
        echo.close();
    }

    private static List<Map<String, Object>> images(List<Map<String, Object>> frames) {
        List<Map<String, Object>> out = new ArrayList<>();
        frames.stream().filter(f -> f.containsKey("image")).forEach(out::add);
        return out;
    }

    private void assertCountersZero(Api api, String s) throws InterruptedException {
        Map<?, ?> status = null;
        for (int i = 0; i < 200; i++) {
            status = (Map<?, ?>) api.call(s, "GetCurrentStatus", Map.of()).get("status");
            if (status.values().stream().allMatch(v -> ((Number) v).intValue() == 0)) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("counters not back at zero: " + status);
    }

    @Test
    public void httpReturnsEveryImageAndTheFilesCarryTheirMetadata() throws Exception {
        echo.add(Map.of("LatencyMs", 10L, "Limits", Map.of("MaxUsages", 2L)));
        Api api = api();
        String s = api.newSession();
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 3, "prompt", "an http cat", "seed", 40,
                "overrideoutpathformat", "httpgen/[prompt]-[seed]"));
        List<?> urls = (List<?>) r.get("images");
        assertNotNull(r.toString(), urls);
        assertEquals(3, urls.size());
        Set<String> names = new HashSet<>();
        urls.forEach(u -> names.add(((String) u).substring(((String) u).lastIndexOf('/') + 1)));
        assertEquals(Set.of("an http cat-40.png", "an http cat-41.png", "an http cat-42.png"), names);
        Api.Reply list = api.call(s, "ListImages", Map.of("path", "httpgen", "depth", 1));
        List<?> files = (List<?>) list.get("files");
        assertEquals(3, files.size());
        for (Object f : files) {
            String meta = (String) ((Map<?, ?>) f).get("metadata");
            assertTrue(meta, meta.contains("\"prompt\": \"an http cat\"") && meta.contains("\"swarm_version\""));
            assertTrue(meta, meta.contains("\"generation_time\""));
        }
        assertCountersZero(api, s);
    }

    @Test
    public void webSocketFrameSequenceForOneImage() throws Exception {
        echo.add(Map.of("LatencyMs", 60L, "Previews", 2L));
        Api api = api();
        String s = api.newSession();
        Api.WsResult ws = api.ws("GenerateText2ImageWS", Map.of("session_id", s, "images", 1, "prompt", "a ws cat"));
        List<String> kinds = GenerateWithoutBackendIT.kinds(ws.frames);
        assertEquals(ws.frames.toString(), "status", kinds.get(0));
        assertEquals("status", kinds.get(kinds.size() - 1));
        assertEquals("close", ws.frames.get(kinds.size() - 2).get("socket_intention"));
        assertEquals(List.of(), ws.frames.get(kinds.size() - 3).get("discard_indices"));
        int firstProgress = kinds.indexOf("gen_progress");
        int image = kinds.indexOf("image");
        assertTrue(kinds.toString(), firstProgress > 0 && image > firstProgress);
        Map<?, ?> progress = (Map<?, ?>) ws.frames.get(firstProgress).get("gen_progress");
        assertEquals("0", progress.get("batch_index"));
        assertTrue("the first progress carries the preview metadata", String.valueOf(progress.get("metadata")).contains("\"is_preview\": true"));
        assertTrue("previews are data URLs", ws.frames.stream().filter(f -> f.containsKey("gen_progress"))
                .anyMatch(f -> String.valueOf(((Map<?, ?>) f.get("gen_progress")).get("preview")).startsWith("data:image/png;base64,")));
        Map<String, Object> img = ws.frames.get(image);
        assertEquals("0", img.get("batch_index"));
        assertEquals(progress.get("request_id"), img.get("request_id"));
        assertTrue(String.valueOf(img.get("image")).startsWith("View/local/raw/"));
        assertTrue(String.valueOf(img.get("metadata")).contains("a ws cat"));
        assertTrue("status frames around the backend wait", kinds.subList(1, firstProgress).contains("status"));
        assertEquals(1000, ws.closeCode);
        assertCountersZero(api, s);
    }

    @Test
    public void aBatchAndAFollowUpRequestContinueTheIndexes() throws Exception {
        echo.add(Map.of("LatencyMs", 20L, "Limits", Map.of("MaxUsages", 4L)));
        Api api = api();
        String s = api.newSession();
        AtomicBoolean followed = new AtomicBoolean();
        WsClient c = WsClient.open(server.port(), "GenerateText2ImageWS",
                Map.of("session_id", s, "images", 2, "batchsize", 2, "prompt", "batch"), (f, client) -> {
                    if (f.containsKey("discard_indices") && followed.compareAndSet(false, true)) {
                        client.send(Map.of("session_id", s, "images", 2, "prompt", "follow-up"));
                    }
                }).awaitClose(60);
        Set<String> indexes = new HashSet<>();
        images(c.frames).forEach(f -> indexes.add((String) f.get("batch_index")));
        assertEquals("the echo backend renders one image per call: 0 and 2, then the follow-up's 4 and 5",
                Set.of("0", "2", "4", "5"), indexes);
        assertEquals(2, c.frames.stream().filter(f -> f.containsKey("discard_indices")).count());
        assertEquals(1000, c.closeCode);
        assertCountersZero(api, s);
    }

    @Test
    public void interruptAllStopsTheRemainingImages() throws Exception {
        echo.add(Map.of("GenerateMode", "hang"));
        Api api = api();
        String s = api.newSession();
        AtomicBoolean interrupted = new AtomicBoolean();
        WsClient c = WsClient.open(server.port(), "GenerateText2ImageWS",
                Map.of("session_id", s, "images", 3, "prompt", "never"), (f, client) -> {
                    Map<?, ?> st = (Map<?, ?>) f.get("status");
                    if (st != null && ((Number) st.get("live_gens")).intValue() > 0 && interrupted.compareAndSet(false, true)) {
                        new Thread(() -> api.call(s, "InterruptAll", Map.of())).start();
                    }
                }).awaitClose(60);
        assertTrue("the job was running when interrupted", interrupted.get());
        assertTrue(c.frames.toString(), c.frames.stream().anyMatch(f -> "Generation session interrupted.".equals(f.get("error"))));
        assertTrue(images(c.frames).isEmpty());
        assertCountersZero(api, s);
    }

    @Test
    public void aBackendFailureIsReportedWithItsMessage() throws Exception {
        echo.add(Map.of("GenerateMode", "error"));
        Api api = api();
        String s = api.newSession();
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 2, "seed", 9));
        assertTrue(r.toString(), String.valueOf(r.get("error")).matches("Echo backend #\\d+ failed as told \\(seed (9|10)\\)"));
        assertEquals(1, r.json.size());
        assertCountersZero(api, s);
    }

    @Test
    public void aClientThatLeavesKeepsItsImages() throws Exception {
        echo.add(Map.of("LatencyMs", 400L));
        Api api = api();
        String s = api.newSession();
        WsClient c = WsClient.open(server.port(), "GenerateText2ImageWS", Map.of("session_id", s, "images", 1,
                "prompt", "gone", "overrideoutpathformat", "leftearly/[prompt]"), (f, client) -> {
                    Map<?, ?> st = (Map<?, ?>) f.get("status");
                    if (st != null && ((Number) st.get("live_gens")).intValue() > 0) {
                        client.abort();
                    }
                });
        assertNotNull(c);
        for (int i = 0; i < 400; i++) {
            List<?> files = (List<?>) api.call(s, "ListImages", Map.of("path", "leftearly", "depth", 1)).get("files");
            if (files != null && files.size() == 1) {
                assertCountersZero(api, s);
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the image of a client that left was not saved");
    }

    @Test
    public void anOutputPathFormatCannotLeaveTheUserFolder() throws Exception {
        echo.add(Map.of("LatencyMs", 0L));
        Api api = api();
        String s = api.newSession();
        java.nio.file.Path data = server.dataDir().toAbsolutePath().normalize();
        java.nio.file.Path userRoot = data.resolve("Output").resolve("local");
        for (String evil : List.of("../../../../itescape/[seed]", "/tmp/itescape-[seed]", "..\\..\\itescape\\[seed]",
                "raw/%2e%2e/%2e%2e/itescape-[seed]", "raw/../../../itescape-[seed]")) {
            Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 1, "seed", 77, "prompt", "escape",
                    "overrideoutpathformat", evil));
            List<?> urls = (List<?>) r.get("images");
            assertNotNull(evil + ": " + r, urls);
            String url = (String) urls.get(0);
            assertTrue(evil + " -> " + url, url.startsWith("View/local/") && !url.contains(".."));
            java.nio.file.Path file = userRoot.resolve(url.substring("View/local/".length())).normalize();
            assertTrue(evil + " -> " + file, file.startsWith(userRoot) && java.nio.file.Files.isRegularFile(file));
        }
        for (java.nio.file.Path outside : List.of(data.resolve("itescape"), data.getParent().resolve("itescape"),
                data.resolve("Output").resolve("itescape-77.png"), java.nio.file.Path.of("/tmp/itescape-77.png"))) {
            assertTrue("nothing was written outside the user's folder: " + outside, !java.nio.file.Files.exists(outside));
        }
        assertCountersZero(api, s);
    }

    @Test
    public void aRoleRefusesModelsAndGatedParametersToItsUsers() throws Exception {
        echo.add(Map.of("LatencyMs", 0L, "Models", "itopen.safetensors,itblocked.safetensors"));
        Api api = api();
        String admin = api.newSession();
        Map<?, ?> roles = (Map<?, ?>) api.call(admin, "AdminListRoles", Map.of()).get("roles");
        // Only permissions that exist now: the user role also keeps those of extensions earlier tests removed, and
        // editing a role refuses unknown ones.
        List<?> known = (List<?>) api.call(admin, "AdminListPermissions", Map.of()).get("ordered");
        List<String> permissions = new ArrayList<>();
        ((List<?>) ((Map<?, ?>) roles.get("user")).get("permissions")).stream().filter(known::contains)
                .forEach(p -> permissions.add((String) p));
        permissions.add("model_params");
        permissions.remove("param_backend_id");
        try {
            assertEquals(Map.of("success", true), api.call(admin, "AdminAddRole", Map.of("name", "itgenlimited")).json);
            Map<String, Object> edit = new java.util.LinkedHashMap<>(Map.of("name", "itgenlimited", "description", "",
                    "max_outpath_depth", 5, "max_t2i_simultaneous", 4, "allow_unsafe_outpaths", false, "model_whitelist", "",
                    "model_blacklist", "itblocked", "permissions", String.join(",", permissions)));
            assertEquals(Map.of("success", true), api.call(admin, "AdminEditRole", edit).json);
            assertEquals(Map.of("success", true), api.call(admin, "AdminAddUser", Map.of("name", "itgenuser",
                    "password", LIMITED_PASSWORD, "role", "itgenlimited")).json);
            // Login-required mode, so that the user's login cookie decides who a new session belongs to; it ends the
            // sessions opened before it, and loopback callers get a new local one through the localhost bypass.
            assertEquals(Map.of("success", true), api.call(admin, "ChangeServerSettings",
                    Map.of("settings", Map.of("userauthorization.authorizationrequired", true))).json);
            String limited = login(api, "itgenuser");
            String local = api.newSession();

            Map<String, Object> blocked = Map.of("images", 1, "seed", 5, "prompt", "role", "model", "itblocked");
            Api.Reply refused = api.call(limited, "GenerateText2Image", blocked);
            Api.Reply owner = api.call(local, "GenerateText2Image", blocked);
            assertNotNull("the owner may use that model: " + owner, owner.get("images"));
            assertEquals(refused.toString(), "Invalid value for parameter Model: Invalid model value for param Model - 'itblocked'"
                    + " - are you sure that model name is correct?", refused.get("error"));
            Api.Reply open = api.call(limited, "GenerateText2Image", Map.of("images", 1, "seed", 5, "prompt", "role", "model", "itopen"));
            assertNotNull("the role's user may use the other model: " + open, open.get("images"));

            Map<String, Object> gated = Map.of("images", 1, "seed", 6, "prompt", "role", "exactbackendid", "1");
            Api.Reply denied = api.call(limited, "GenerateText2Image", gated);
            assertEquals(denied.toString(), "You do not have permission to use parameter Exact Backend ID.", denied.get("error"));
            assertEquals("nothing was generated for the refused requests", 1,
                    ((List<?>) api.call(limited, "ListImages", Map.of("path", "", "depth", 5)).get("files")).size());
        } finally {
            String restore = api.newSession();
            api.call(restore, "ChangeServerSettings", Map.of("settings", Map.of("userauthorization.authorizationrequired", false)));
            api.call(restore, "AdminDeleteUser", Map.of("name", "itgenuser"));
            api.call(restore, "AdminDeleteRole", Map.of("name", "itgenlimited"));
        }
    }

    private static final String LIMITED_PASSWORD = "generate-it-password";

    /** Logs a user in (SwarmUI's Login sets the swarm_token cookie) and opens a session with that cookie. */
    private static String login(Api api, String name) {
        Api.Reply r = api.post("Login", Map.of("username", name, "password", LIMITED_PASSWORD));
        assertEquals(r.toString(), "true", r.get("success"));
        String cookie = r.raw.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("swarm_token="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
        Api.Reply s = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "application/json")
                .header("Cookie", cookie).POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(s.toString(), name, s.get("user_id"));
        return (String) s.get("session_id");
    }
}
