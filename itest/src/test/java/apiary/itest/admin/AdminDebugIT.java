package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.route.RouteRuntime;
import apiary.core.api.route.dto.RouteDTO;
import apiary.itest.Api;
import apiary.itest.EchoBundle;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/** DebugGenDocs against the SwarmUI contract, DebugLanguageAdd, and the route runtime view. */
public class AdminDebugIT extends AdminTestSupport {
    /**
     * Where the docs' permission group differs from SwarmUI's code, the behaviour spec (from the code) wins:
     * {@code server_debug_message} and {@code install} are declared in the Special group (behaviour spec section 4).
     */
    private static final Map<String, String> GROUP_EXCEPTIONS = Map.of("server_debug_message", "Special", "install", "Special");

    @Inject
    private RouteRuntime runtime;


    @Test
    public void generatedDocsMatchTheSwarmContractForEveryRegisteredRoute() throws Exception {
        assertEquals(Map.of("success", true), api.call(session, "DebugGenDocs", Map.of()).json);
        Path folder = server.dataDir().resolve("DebugNewAPIDocs");
        Map<String, Map<String, Object>> contract = contract();
        List<String> checked = new ArrayList<>();
        for (RouteDTO route : runtime.snapshot().routes) {
            Path page = folder.resolve(route.area + ".md");
            assertTrue("a page per area: " + page, Files.exists(page));
            String md = Files.readString(page);
            assertTrue(md.startsWith("# Apiary API Documentation - " + route.area + "\n"));
            String kind = route.webSocket ? "WebSocket" : "HTTP";
            assertTrue("TOC entry of " + route.name, md.contains("- " + kind + " Route [" + route.name + "](#"
                    + kind.toLowerCase() + "-route-api" + route.name.toLowerCase() + ")\n"));
            String section = section(md, kind + " Route /API/" + route.name);
            Map<String, Object> spec = contract.get(route.name);
            if (spec == null || !spec.get("area").equals(route.area)) {
                assertFalse(route.name + " is not a SwarmUI route, so it must not sit in a SwarmUI area",
                        contract.values().stream().anyMatch(c -> c.get("area").equals(route.area)));
                continue;
            }
            Map<?, ?> perm = (Map<?, ?>) spec.get("permission");
            if (perm != null && perm.get("id") != null) {
                String group = GROUP_EXCEPTIONS.getOrDefault((String) perm.get("id"), (String) perm.get("group"));
                assertTrue(route.name + " permission line", section.contains("#### Permission Flag\n\n`" + perm.get("id") + "` - `"
                        + perm.get("display") + "` in group `" + group + "`\n"));
            }
            assertEquals(route.name + " non-final warning", spec.get("non_final"), section.contains("> [!WARNING]\n> This API is marked non-final."));
            List<?> params = (List<?>) spec.get("params");
            if (params.isEmpty()) {
                assertTrue(route.name, section.contains("#### Parameters\n\n**None.**\n"));
            }
            for (Object o : params) {
                Map<?, ?> p = (Map<?, ?>) o;
                String def = Boolean.TRUE.equals(p.get("required")) ? "**(REQUIRED)**" : "`" + p.get("default") + "`";
                assertTrue(route.name + " param " + p.get("name") + " in\n" + section,
                        section.matches("(?s).*\\n\\| " + p.get("name") + " \\| " + java.util.regex.Pattern.quote((String) p.get("type"))
                                + " \\| [^\\n]* \\| " + java.util.regex.Pattern.quote(def) + " \\|\\n.*"));
            }
            checked.add(route.name);
        }
        assertTrue("the admin routes are among them: " + checked, checked.containsAll(List.of("ListServerSettings", "ChangeServerSettings",
                "ListLogTypes", "ListRecentLogMessages", "LogSubmitToPastebin", "GetGlobalStatus", "ListConnectedUsers",
                "GetServerResourceInfo", "ShutdownServer", "DebugGenDocs", "DebugLanguageAdd")));
        String admin = Files.readString(folder.resolve("AdminAPI.md"));
        assertTrue(admin.contains("\nAdministrative APIs related to server management.\n"));
        assertTrue(admin.contains("| raw | JObject | Use eg `\"types\": [\"info\"]` to specify what log types to include.<br>"
                + "Optionally input `\"last_sequence_ids\": { \"info\": 123 }` to set the start point. | **(REQUIRED)** |"));
        assertTrue(admin.contains("#### Return Format\n\n```js\n\"success\": true\n```\n"));
    }

    @Test
    public void languageAddWritesOnlyTheBuilderFile() throws Exception {
        Path languages = server.dataDir().resolve("languages");
        Files.createDirectories(languages);
        Path german = languages.resolve("de.json");
        String germanText = "{\"name_en\":\"German\",\"name_local\":\"Deutsch\",\"keys\":{\"Generate\":\"Erzeugen\"}}";
        Files.writeString(german, germanText);
        assertEquals(Map.of("success", true), api.call(session, "DebugLanguageAdd", Map.of("set", List.of("Generate", " ", "42", "Models", 7))).json);
        assertEquals(Map.of("success", true), api.call(session, "DebugLanguageAdd", Map.of("set", List.of("Presets"))).json);
        Map<?, ?> builder = new ObjectMapper().readValue(Files.readString(languages.resolve("en.debug")), Map.class);
        assertEquals(Map.of("Generate", "Generate", "Models", "Models", "Presets", "Presets"), builder.get("keys"));
        assertEquals("other language files are untouched", germanText, Files.readString(german));
        assertEquals("Missing or invalid 'set': must be a JSON array.", api.call(session, "DebugLanguageAdd", Map.of()).get("error"));
    }

    @Test
    public void routeRuntimeViewListsRefusedRoutesWithBundleAndReason() throws Exception {
        try (EchoBundle echo = EchoBundle.install(context)) {
            Api.Reply reply = api.call(session, "AdminListRoutes", Map.of());
            assertEquals(reply.toString(), 200, reply.status);
            Map<String, Object> view = reply.json;
            Map<?, ?> served = find((List<?>) view.get("registered"), "ItestEcho");
            assertEquals("itest.echo", served.get("bundle"));
            assertEquals("HTTP", served.get("kind"));
            assertEquals("itest_echo", served.get("permission"));
            Map<?, ?> refused = find((List<?>) view.get("refused"), "ItestUndeclared");
            assertEquals("UNKNOWN_PERMISSION", refused.get("reason"));
            assertEquals("itest.echo", refused.get("bundle"));
            assertTrue(((String) refused.get("detail")).length() > 0);
            assertEquals("INVALID_SIGNATURE", find((List<?>) view.get("refused"), "ItestBadSignature").get("reason"));
            assertEquals("core.admin", find((List<?>) view.get("registered"), "AdminListRoutes").get("bundle"));
        }
        assertTrue(((List<?>) api.call(session, "AdminListRoutes", Map.of()).get("registered")).stream()
                .noneMatch(r -> "ItestEcho".equals(((Map<?, ?>) r).get("name"))));
    }

    private static Map<?, ?> find(List<?> entries, String name) {
        return (Map<?, ?>) entries.stream().filter(e -> name.equals(((Map<?, ?>) e).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in " + entries));
    }

    private static String section(String md, String heading) {
        int start = md.indexOf("## " + heading + "\n");
        assertTrue(heading, start >= 0);
        int end = md.indexOf("\n## ", start + 3);
        return md.substring(start, end < 0 ? md.length() : end + 1);
    }

    /** The contract: SwarmUI's route table (routes.json), kept with the tests. */
    static Map<String, Map<String, Object>> contract() throws IOException {
        Path file = Path.of(System.getProperty("apiary.itest.contract"));
        Map<?, ?> doc = new ObjectMapper().readValue(Files.readString(file), Map.class);
        Map<String, Map<String, Object>> byName = new HashMap<>();
        for (Object r : (List<?>) doc.get("routes")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> route = (Map<String, Object>) r;
            byName.put((String) route.get("name"), route);
        }
        return byName;
    }
}
