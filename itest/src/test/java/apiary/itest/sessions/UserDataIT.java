package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.Test;

/** GetMyUserData, starred models, parameter edits, API keys, languages and autocompletions. */
public class UserDataIT extends SessionsTestSupport {
    @Test
    public void myUserDataEchoesStarredModelsAndPermissions() {
        String s = localSession();
        Map<String, Object> starred = body("LoRA", List.of("one", "two"), "Stable-Diffusion", List.of("base.safetensors"));
        assertEquals(Map.of("success", true), ok(s, "SetStarredModels", starred).json);
        Map<String, Object> data = ok(s, "GetMyUserData", Map.of()).json;
        assertEquals("local", data.get("user_name"));
        assertEquals("en", data.get("language"));
        assertEquals(starred, data.get("starred_models"));
        assertTrue(((List<?>) data.get("permissions")).contains("*"));
        assertTrue(data.get("presets") instanceof List);
        assertNull("no autocompletion source chosen", data.get("autocompletions"));
    }

    @Test
    public void paramEditsNeedAnEditsObject() {
        String s = localSession();
        assertEquals(Map.of("success", true), ok(s, "SetParamEdits", body("edits", body("groups", Map.of(), "params", Map.of()))).json);
        assertEquals("Missing 'edits' object", ok(s, "SetParamEdits", body("groups", Map.of())).get("error"));
    }

    @Test
    public void apiKeysAreStoredButNeverShown() {
        String s = localSession();
        assertEquals(Map.of("status", "not set"), ok(s, "GetAPIKeyStatus", body("keyType", "stability_api")).json);
        assertEquals(Map.of("success", true), ok(s, "SetAPIKey", body("keyType", "stability_api", "key", "sk-secret-value")).json);
        String status = (String) ok(s, "GetAPIKeyStatus", body("keyType", "stability_api")).get("status");
        assertTrue(status, status.matches("last updated \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        assertTrue(!ok(s, "GetMyUserData", Map.of()).text.contains("sk-secret-value"));
        assertEquals(Map.of("success", true), ok(s, "SetAPIKey", body("keyType", "stability_api", "key", "none")).json);
        assertEquals(Map.of("status", "not set"), ok(s, "GetAPIKeyStatus", body("keyType", "stability_api")).json);
        String bad = "Invalid key type 'openai_api'. Valid types are: stability_api, civitai_api, huggingface_api.";
        assertEquals(bad, ok(s, "SetAPIKey", body("keyType", "openai_api", "key", "x")).get("error"));
        assertEquals(bad, ok(s, "GetAPIKeyStatus", body("keyType", "openai_api")).get("error"));
        assertTrue(ok(s, "SetAPIKey", body("keyType", "civitai_api", "key", " ")).get("error").toString().contains("'none'"));
        assertEquals("Missing required parameter 'key'", ok(s, "SetAPIKey", body("keyType", "civitai_api")).get("error"));
        assertEquals("Missing required parameter 'keyType'", ok(s, "GetAPIKeyStatus", Map.of()).get("error"));
    }

    @Test
    public void languagesComeFromTheBundleAndTheDataFolder() throws Exception {
        String s = localSession();
        Map<?, ?> en = (Map<?, ?>) ok(s, "GetLanguage", body("language", "en")).get("language");
        assertEquals("en", en.get("code"));
        assertEquals("English", en.get("name"));
        assertEquals("English", en.get("local_name"));
        assertTrue(en.get("keys") instanceof Map);
        Path dir = server.dataDir().resolve("languages");
        Files.createDirectories(dir);
        String code = unique("x");
        Files.writeString(dir.resolve(code + ".json"), "{\"name_en\":\"Test\",\"name_local\":\"Tëst\",\"keys\":{\"Generate\":\"Erzeugen\"}}");
        Files.writeString(dir.resolve(code + "bad.json"), "{not json");
        try {
            assertEquals(Map.of("code", code, "name", "Test", "local_name", "Tëst", "keys", Map.of("Generate", "Erzeugen")),
                    ok(s, "GetLanguage", body("language", code)).get("language"));
            assertEquals("No such language.", ok(s, "GetLanguage", body("language", code + "bad")).get("error"));
            assertEquals("No such language.", ok(s, "GetLanguage", body("language", "../languages/" + code)).get("error"));
            assertEquals("Missing required parameter 'language'", ok(s, "GetLanguage", Map.of()).get("error"));
        } finally {
            Files.delete(dir.resolve(code + ".json"));
            Files.delete(dir.resolve(code + "bad.json"));
        }
    }

    @Test
    public void autocompletionsFollowTheUsersSource() throws Exception {
        String s = localSession();
        Path dir = server.dataDir().resolve("Autocompletions").resolve("sub");
        Files.createDirectories(dir);
        String name = unique("tags") + ".csv";
        Files.writeString(dir.resolve(name), "# header\nlong_hair,120\nsmile (happy),0,5,\"grin\"\n");
        try {
            ok(s, "ChangeUserSettings", body("settings", body("autocomplete.source", "sub/" + name, "autocomplete.spacingmode", "Spaces")));
            assertEquals(List.of("long hair\nlong_hair\n0\n120\n", "smile \\(happy\\)\nsmile (happy)\n0\n5\n\"grin\""),
                    ok(s, "GetMyUserData", Map.of()).get("autocompletions"));
            ok(s, "ChangeUserSettings", body("settings", body("autocomplete.source", "../../Database/apiary.mv.db")));
            assertNull("only listed files are read", ok(s, "GetMyUserData", Map.of()).get("autocompletions"));
        } finally {
            ok(s, "ChangeUserSettings", body("settings", body("autocomplete.source", "", "autocomplete.spacingmode", "None")));
            Files.delete(dir.resolve(name));
        }
    }
}
