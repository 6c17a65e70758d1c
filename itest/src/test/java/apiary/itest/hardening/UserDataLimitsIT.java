package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.sessions.SessionsTestSupport;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Everything a user stores has a limit with a clear refusal (ten 19 MB presets and a few parallel GetMyUserData
 * calls exhausted an 8 GB server), and a large answer is streamed rather than serialised whole first.
 */
public class UserDataLimitsIT extends SessionsTestSupport {
    /** The suite runs in local mode: every preset is the local user's, so this test's titles share a prefix. */
    private String user;
    private String session;

    @Before
    public void newUser() {
        session = localSession();
        user = unique("limits");
    }

    @After
    public void deleteAll() {
        Api api = api();
        List<?> presets = (List<?>) api.call(session, "GetMyUserData", Map.of()).get("presets");
        for (Object p : presets) {
            String title = String.valueOf(((Map<?, ?>) p).get("title"));
            if (title.startsWith(user)) {
                api.call(session, "DeletePreset", Map.of("preset", title));
            }
        }
    }

    private Map<String, Object> addPreset(String title, String promptText) {
        return api().call(session, "AddNewPreset", Map.of("title", title, "description", "d",
                "param_map", Map.of("prompt", promptText))).json;
    }

    @Test
    public void oneLargePresetIsRefusedWithAReason() {
        Map<String, Object> r = addPreset(user + "-big", "p".repeat(300 * 1024));
        assertTrue(r.toString(), String.valueOf(r.get("preset_fail")).startsWith("That preset is too large"));
        assertEquals(Map.of("success", true), addPreset(user + "-fits", "p".repeat(200 * 1024)));
    }

    @Test
    public void allPresetsTogetherAreLimitedAndLargeListsAreStreamed() {
        String chunk = "q".repeat(250 * 1024);
        Map<String, Object> last = null;
        int stored = 0;
        for (int i = 0; i < 80; i++) {
            last = addPreset(user + "-" + i, chunk);
            if (!last.containsKey("success")) {
                break;
            }
            stored++;
        }
        assertTrue("about 16 MiB fit: " + stored, stored >= 60 && stored < 80);
        assertTrue(String.valueOf(last), String.valueOf(last.get("preset_fail")).contains("16 MiB"));
        Api.Reply all = api().call(session, "GetMyUserData", Map.of());
        assertEquals(200, all.status);
        assertTrue("a large answer is streamed", all.raw.headers().firstValue("Content-Length").isEmpty());
        long mine = ((List<?>) all.get("presets")).stream()
                .filter(p -> String.valueOf(((Map<?, ?>) p).get("title")).startsWith(user)).count();
        assertEquals(stored, mine);
    }

    @Test
    public void userDataAndSettingsAreLimited() {
        Api api = api();
        Api.Reply data = api.call(session, "SetStarredModels", Map.of("LoRA", List.of("m".repeat(2 * 1024 * 1024))));
        assertTrue(data.toString(), String.valueOf(data.get("error")).startsWith("That data is too large to store"));
        Api.Reply setting = api.call(session, "ChangeUserSettings", Map.of("settings",
                Map.of("ui.presetlistdetailsfields", "x".repeat(100_000))));
        assertTrue(setting.toString(), String.valueOf(setting.get("error")).contains("is too long"));
        assertEquals(Map.of("success", true), api.call(session, "SetStarredModels", Map.of("LoRA", List.of("a", "b"))).json);
    }
}
