package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import apiary.itest.Api;

import org.junit.Test;

/**
 * The generated OpenAPI document describes this bundle's routes exactly as SwarmUI's contract (routes.json) does:
 * name, permission, non-final and user-update flags, and every parameter with its type and default, in order.
 */
public class BasicApiContractIT extends SessionsTestSupport {
    /** name|permission|nonFinal|userUpdate|param:Type:default,... from routes.json and the spec's route table. */
    private static final List<String> CONTRACT = List.of(
        "AddNewPreset|manage_presets|false|true|title:String:(REQUIRED),description:String:(REQUIRED),raw:JObject:(REQUIRED),preview_image:String:(null),is_edit:Boolean:False,editing:String:(null)",
        "ChangePassword|edit_user_settings|true|true|oldPassword:String:(REQUIRED),newPassword:String:(REQUIRED)",
        "ChangeUserSettings|edit_user_settings|false|true|rawData:JObject:(REQUIRED)",
        "DeletePreset|manage_presets|false|true|preset:String:(REQUIRED)",
        "DuplicatePreset|manage_presets|false|true|preset:String:(REQUIRED)",
        "GetAPIKeyStatus|read_user_settings|false|false|keyType:String:(REQUIRED)",
        "GetCurrentStatus|fundamental_generate_tab_access|false|false|",
        "GetLanguage|fundamental_generate_tab_access|false|false|language:String:(REQUIRED)",
        "GetMyUserData|fundamental_generate_tab_access|false|false|",
        "GetNewSession|null|false|false|",
        "GetUserSettings|read_user_settings|false|false|",
        "InterruptAll|basic_image_generation|false|true|other_sessions:Boolean:False",
        "Login|null|true|false|username:String:(REQUIRED),password:String:(REQUIRED)",
        "Logout|fundamental|true|true|",
        "ServerDebugMessage|server_debug_message|false|false|message:String:(REQUIRED)",
        "SetAPIKey|edit_user_settings|false|true|keyType:String:(REQUIRED),key:String:(REQUIRED)",
        "SetParamEdits|edit_params|false|true|rawData:JObject:(REQUIRED)",
        "SetStarredModels|fundamental_model_access|false|true|raw:JObject:(REQUIRED)");

    @Test
    public void openApiMatchesTheContract() throws Exception {
        Api.Reply r = api().send(java.net.http.HttpRequest.newBuilder(api().uri("/openapi.json")).GET().build());
        Map<?, ?> paths = (Map<?, ?>) new ObjectMapper().readValue(r.text, Map.class).get("paths");
        List<String> actual = new ArrayList<>();
        for (String line : CONTRACT) {
            String name = line.substring(0, line.indexOf('|'));
            Map<?, ?> op = (Map<?, ?>) ((Map<?, ?>) paths.get("/API/" + name)).get("post");
            assertEquals(name + " area", "BasicAPIFeatures", op.get("x-area"));
            Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) op.get("requestBody")).get("content"))
                    .get("application/json")).get("schema");
            List<String> params = new ArrayList<>();
            ((Map<?, ?>) schema.get("properties")).forEach((k, v) -> {
                if (!"session_id".equals(k)) {
                    Map<?, ?> p = (Map<?, ?>) v;
                    params.add(k + ":" + p.get("x-swarm-type") + ":" + p.get("x-default"));
                }
            });
            actual.add(name + "|" + op.get("x-permission") + "|" + op.get("x-non-final") + "|" + op.get("x-user-update") + "|"
                    + String.join(",", params));
        }
        assertEquals(CONTRACT, actual);
    }
}
