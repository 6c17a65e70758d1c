package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * What core.sessions keeps across a restart and a {@code kill -9}, run against the real server process: users
 * (a password), sessions, presets with preview images, settings, API keys, starred models and parameter edits; and
 * sessions that expire in memory and in the database. Subclasses choose the database.
 */
public abstract class PersistenceSuite {
    /** @return {@code -D} properties selecting a fresh database for one test */
    protected abstract Map<String, String> database(String testName) throws Exception;

    private ServerProcess start(String name, Map<String, String> extra) throws Exception {
        Path data = ServerProcess.newDataDir("persist-" + name);
        Map<String, String> props = new HashMap<>(database(name));
        props.putAll(extra);
        return ServerProcess.start(data, List.of(), props);
    }

    private static Api.Reply call(Api api, String session, String route, Map<String, ?> body) {
        Api.Reply r = api.call(session, route, body);
        assertEquals(route + ": " + r, 200, r.status);
        return r;
    }

    /** Writes one of everything; returns the session that survives (the password change ended the first one). */
    private static String writeEverything(Api api) throws Exception {
        String first = api.newSession();
        assertEquals(Map.of("success", true), call(api, first, "ChangePassword",
                Map.of("oldPassword", "", "newPassword", SessionsTestSupport.prehash("local", "persisted pw"))).json);
        String s = api.newSession();
        assertEquals(Map.of("success", true), call(api, s, "AddNewPreset", Map.of("title", "Kept/Preset", "description", "d",
                "param_map", Map.of("steps", 30, "sampler", "euler"), "preview_image", previewImage())).json);
        call(api, s, "ChangeUserSettings", Map.of("settings", Map.of("theme", "ctp_frappe", "fileformat.imagequality", 77)));
        call(api, s, "SetAPIKey", Map.of("keyType", "huggingface_api", "key", "hf_secret"));
        call(api, s, "SetStarredModels", Map.of("LoRA", List.of("kept.safetensors")));
        assertEquals(Map.of("success", true), call(api, s, "SetParamEdits", Map.of("edits", Map.of("params", Map.of("steps", 1)))).json);
        return s;
    }

    private static void assertEverythingIsBack(Api api, String oldSession) {
        Map<String, Object> data = call(api, oldSession, "GetMyUserData", Map.of()).json;
        Map<?, ?> preset = (Map<?, ?>) ((List<?>) data.get("presets")).get(0);
        assertEquals("Kept/Preset", preset.get("title"));
        assertEquals(Map.of("steps", "30", "sampler", "euler"), preset.get("param_map"));
        assertTrue(String.valueOf(preset.get("preview_image")).startsWith("/ViewSpecial/Preset/Kept/Preset?editid="));
        assertEquals(Map.of("LoRA", List.of("kept.safetensors")), data.get("starred_models"));
        Map<?, ?> settings = (Map<?, ?>) call(api, oldSession, "GetUserSettings", Map.of()).get("settings");
        assertEquals("ctp_frappe", ((Map<?, ?>) settings.get("theme")).get("value"));
        assertEquals(77, ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) settings.get("fileformat")).get("value")).get("imagequality")).get("value"));
        assertTrue(call(api, oldSession, "GetAPIKeyStatus", Map.of("keyType", "huggingface_api")).get("status").toString().startsWith("last updated"));
        assertEquals("the password survived", Map.of("success", "true"),
                api.post("Login", Map.of("username", "local", "password", SessionsTestSupport.prehash("local", "persisted pw"))).json);
        assertEquals(Map.of("error_id", "invalid_login"),
                api.post("Login", Map.of("username", "local", "password", SessionsTestSupport.prehash("local", "other pw"))).json);
    }

    static String previewImage() throws Exception {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpg", out);
        return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    public void restartKeepsUsersSessionsPresetsAndSettings() throws Exception {
        try (ServerProcess server = start("restart", Map.of())) {
            String s = writeEverything(server.api());
            assertEquals(0, server.stop());
            // One line per bundle whose permissions arrived after the role store (they start while the server answers).
            long firstStart = grantLines(server);
            assertTrue("the first start granted the default permissions", firstStart >= 1);
            server.restart();
            assertEverythingIsBack(server.api(), s);
            assertEquals("default role grants are tracked in the database, so a restart grants nothing", firstStart,
                    grantLines(server));
        }
    }

    private static long grantLines(ServerProcess server) throws Exception {
        return server.console().lines().filter(l -> l.contains("new permission(s) to the built-in roles")).count();
    }

    @Test
    public void accountsRolesAndLoginTokensSurviveARestart() throws Exception {
        try (ServerProcess server = start("accounts", Map.of())) {
            Api api = server.api();
            String owner = api.newSession();
            call(api, owner, "AdminAddRole", Map.of("name", "artist"));
            assertEquals(Map.of("success", true), call(api, owner, "AdminEditRole", Map.of("name", "artist",
                    "description", "Draws.", "max_outpath_depth", 5, "max_t2i_simultaneous", 2, "allow_unsafe_outpaths", false,
                    "model_whitelist", "", "model_blacklist", "", "permissions",
                    "fundamental,fundamental_generate_tab_access,manage_presets")).json);
            assertEquals(Map.of("success", true), call(api, owner, "AdminAddUser", Map.of("name", "alice",
                    "password", SessionsTestSupport.prehash("alice", "alice's password"), "role", "artist")).json);
            call(api, owner, "ChangeServerSettings", Map.of("settings", Map.of(
                    "userauthorization.authorizationrequired", true, "userauthorization.allowlocalhostbypass", false)));

            RawHttp alice = new RawHttp(server.port(), RawHttp.randomLoopback());
            RawHttp.Reply login = alice.post("Login", Map.of("username", "alice",
                    "password", SessionsTestSupport.prehash("alice", "alice's password")), Map.of("User-Agent", "itest"));
            assertEquals(login.toString(), Map.of("success", "true"), login.json);
            Map<String, String> cookie = Map.of("Cookie", "swarm_token=" + login.cookie("swarm_token"));
            String session = (String) alice.post("GetNewSession", Map.of(), cookie).get("session_id");
            assertEquals(0, server.stop());

            server.restart();
            for (Api.Reply r : server.startupReplies()) {
                assertFalse("while starting, a login-required server never hands out a session: " + r,
                        r.json != null && r.json.containsKey("session_id"));
            }
            RawHttp again = new RawHttp(server.port(), RawHttp.randomLoopback());
            assertEquals("no login, no session after the restart either", "Invalid or unauthorized.",
                    again.post("GetNewSession", Map.of(), Map.of()).get("error"));
            RawHttp.Reply fresh = again.post("GetNewSession", Map.of(), cookie);
            assertEquals("the login token survived", "alice", fresh.get("user_id"));
            assertEquals("the role and its edit survived",
                    List.of("fundamental", "fundamental_generate_tab_access", "manage_presets"), fresh.get("permissions"));
            assertEquals("alice's session survived", 200, again.call(session, "GetMyUserData", Map.of(), Map.of()).status);
            assertEquals("and its permissions still apply", "bad_permissions",
                    again.call(session, "ListServerSettings", Map.of(), Map.of()).get("error_id"));
        }
    }

    @Test
    public void killNineRightAfterTheWritesLosesNothing() throws Exception {
        try (ServerProcess server = start("kill9", Map.of())) {
            String s = writeEverything(server.api());
            server.killHard();
            server.restart();
            assertEverythingIsBack(server.api(), s);
        }
    }

    @Test
    public void sessionsExpireInMemoryAndInTheDatabase() throws Exception {
        try (ServerProcess server = start("expiry", Map.of("apiary.sessions.idleTimeoutSeconds", "3"))) {
            Api api = server.api();
            String idle = api.newSession();
            String used = api.newSession();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Thread.sleep(1000);
                statuses.add(api.call(used, "GetCurrentStatus", Map.of()).status);
            }
            assertEquals("use keeps a session alive", List.of(200, 200, 200, 200), statuses);
            assertEquals("an idle one expires in memory", 401, api.call(idle, "GetCurrentStatus", Map.of()).status);
            String stored = api.newSession();
            assertEquals(0, server.stop());
            Thread.sleep(3500);
            server.restart();
            assertEquals("an expired row is not revived (unexpired ones are: see the restart test)", 401,
                    server.api().call(stored, "GetCurrentStatus", Map.of()).status);
        }
    }
}
