package apiary.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * The generated OpenAPI document against SwarmUI's contract (routes.json, kept in src/test/contract): for every API
 * area the server serves, each SwarmUI route of that area is served with exactly the contract's kind, permission,
 * non-final flag and parameters (names, types, defaults, order), and nothing else is served in a SwarmUI area.
 * Areas not built yet (no route served) are skipped; they join the check as soon as their first route appears.
 */
public class ApiContractIT extends ApiaryTestSupport {
    /** Where the behaviour spec (from SwarmUI's code) puts a permission in another group than the docs do. */
    private static final Map<String, String> GROUP_FROM_CODE = Map.of("server_debug_message", "Special", "install", "Special",
            "local_image_folder", "Special");

    /** SwarmUI's user-update routes (behaviour spec section 7, flag U) of the areas in the contract. */
    private static final Set<String> USER_UPDATE = Set.of("AdminAddRole", "AdminAddUser", "AdminChangeUserSettings",
            "AdminDeleteRole", "AdminDeleteUser", "AdminEditRole", "AdminSetUserPassword", "ChangeServerSettings",
            "DebugGenDocs", "DebugLanguageAdd", "InstallExtension", "LogSubmitToPastebin", "ShutdownServer",
            "UninstallExtension", "UpdateAndRestart", "UpdateExtension", "AddNewBackend", "DeleteBackend", "EditBackend",
            "FreeBackendMemory", "RestartBackends", "ToggleBackend", "AddNewPreset", "ChangePassword",
            "ChangeUserSettings", "DeletePreset", "DuplicatePreset", "InstallConfirmWS", "InterruptAll", "Logout",
            "SetAPIKey", "SetParamEdits", "SetStarredModels",
            "GenerateText2Image", "GenerateText2ImageWS", "AddImageToHistory", "ToggleImageStarred", "OpenImageFolder",
            "DeleteImage", "TriggerRefresh");

    @Test
    public void servedSwarmAreasMatchTheContractExactly() throws IOException {
        List<Map<String, Object>> contract = contractRoutes();
        Map<String, Map<?, ?>> served = servedOperations();
        Set<String> servedAreas = new HashSet<>();
        served.values().forEach(op -> servedAreas.add((String) op.get("x-area")));
        Set<String> contractAreas = new HashSet<>();
        List<String> checked = new ArrayList<>();
        for (Map<String, Object> route : contract) {
            String area = (String) route.get("area");
            contractAreas.add(area);
            if (!servedAreas.contains(area)) {
                continue;
            }
            String name = (String) route.get("name");
            Map<?, ?> op = served.get(name);
            assertNotNull(name + " (" + area + ") is in the contract but not served", op);
            assertEquals(name + " area", area, op.get("x-area"));
            assertEquals(name + " kind", "WebSocket".equals(route.get("kind")), op.get("x-websocket"));
            assertEquals(name + " non-final", route.get("non_final"), op.get("x-non-final"));
            assertEquals(name + " user-update", USER_UPDATE.contains(name), op.get("x-user-update"));
            Map<?, ?> permission = (Map<?, ?>) route.get("permission");
            if (permission == null) {
                assertEquals(name + " is sessionless", true, op.get("x-sessionless"));
            } else {
                String id = (String) permission.get("id");
                assertEquals(name + " permission", id, op.get("x-permission"));
                assertEquals(name + " permission name", permission.get("display"), op.get("x-permission-name"));
                assertEquals(name + " permission group", GROUP_FROM_CODE.getOrDefault(id, (String) permission.get("group")),
                        op.get("x-permission-group"));
            }
            assertEquals(name + " parameters", expectedParams(route), actualParams(op));
            checked.add(name);
        }
        for (Map.Entry<String, Map<?, ?>> e : served.entrySet()) {
            if (contractAreas.contains((String) e.getValue().get("x-area"))) {
                assertTrue(e.getKey() + " is served in a SwarmUI area but is not a SwarmUI route of it", checked.contains(e.getKey()));
            }
        }
        assertTrue("BasicAPIFeatures and AdminAPI are served: " + checked,
                checked.containsAll(List.of("GetNewSession", "InstallConfirmWS", "AdminAddUser", "UpdateAndRestart")));
        assertTrue("T2IAPI is served: " + checked, checked.containsAll(List.of("GenerateText2Image", "GenerateText2ImageWS",
                "ListT2IParams", "ListImages", "AddImageToHistory")));
        assertEquals("19 BasicAPIFeatures + 27 AdminAPI + 8 BackendAPI routes", 54,
                contractFile("routes.json").stream().map(r -> (String) r.get("name")).filter(checked::contains).count());
    }

    private static List<String> expectedParams(Map<String, Object> route) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) route.get("params")) {
            Map<?, ?> p = (Map<?, ?>) o;
            out.add(p.get("name") + ":" + p.get("type") + ":" + p.get("default") + ":" + p.get("required"));
        }
        return out;
    }

    private static List<String> actualParams(Map<?, ?> op) {
        Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) op.get("requestBody")).get("content"))
                .get("application/json")).get("schema");
        List<?> required = (List<?>) schema.get("required");
        List<String> out = new ArrayList<>();
        ((Map<?, ?>) schema.get("properties")).forEach((k, v) -> {
            if (!"session_id".equals(k)) {
                Map<?, ?> p = (Map<?, ?>) v;
                boolean isRequired = required.contains(k) || "JObject".equals(p.get("x-swarm-type"));
                out.add(k + ":" + p.get("x-swarm-type") + ":" + p.get("x-default") + ":" + isRequired);
            }
        });
        return out;
    }

    private Map<String, Map<?, ?>> servedOperations() throws IOException {
        Api.Reply r = api().send(HttpRequest.newBuilder(api().uri("/openapi.json")).GET().build());
        Map<?, ?> paths = (Map<?, ?>) new ObjectMapper().readValue(r.text, Map.class).get("paths");
        Map<String, Map<?, ?>> out = new LinkedHashMap<>();
        paths.forEach((path, item) -> out.put(((String) path).substring("/API/".length()), (Map<?, ?>) ((Map<?, ?>) item).get("post")));
        return out;
    }

    /** @return the platform table (routes.json) and the generation table (routes-generation.json) together */
    static List<Map<String, Object>> contractRoutes() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>(contractFile("routes.json"));
        all.addAll(contractFile("routes-generation.json"));
        return all;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> contractFile(String name) throws IOException {
        Path file = Path.of(System.getProperty("apiary.itest.contract")).resolveSibling(name);
        return (List<Map<String, Object>>) new ObjectMapper().readValue(Files.readString(file), Map.class).get("routes");
    }

    @Test
    public void contractFileIsTheWholeSwarmTable() throws IOException {
        assertEquals("routes.json lists 54 routes (AdminAPI, BackendAPI, BasicAPIFeatures)", 54, contractFile("routes.json").size());
        assertEquals("routes-generation.json lists 28 routes (T2IAPI, ModelsAPI, UtilAPI)", 28, contractFile("routes-generation.json").size());
    }
}
