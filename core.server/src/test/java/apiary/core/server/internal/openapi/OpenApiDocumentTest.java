package apiary.core.server.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import apiary.core.api.route.dto.ParamDTO;
import apiary.core.api.route.dto.RouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.junit.jupiter.api.Test;

/** The OpenAPI document is a pure function of the route table. */
class OpenApiDocumentTest {
    @Test
    @SuppressWarnings("unchecked")
    void oneOperationPerRouteWithVendorKeys() {
        RouteDTO r = new RouteDTO();
        r.name = "AddNewPreset";
        r.area = "BasicAPIFeatures";
        r.areaDescription = "Basic.";
        r.permission = "manage_presets";
        r.permissionName = "Manage Presets";
        r.permissionGroup = "User";
        r.description = "User route to add a new parameter preset.";
        r.returns = "\"success\": true";
        r.params = List.of(param("title", "String", "(REQUIRED)", true), param("raw", "JObject", "(REQUIRED)", true),
                param("is_edit", "Boolean", "False", false), param("editing", "String", "(null)", false));
        RouteRuntimeDTO runtime = new RouteRuntimeDTO();
        runtime.routes.add(r);

        Map<String, Object> doc = OpenApiDocument.build(runtime, "1.0");
        assertEquals("3.1.0", doc.get("openapi"));
        Map<String, Object> op = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) doc.get("paths"))
                .get("/API/AddNewPreset")).get("post");
        assertEquals("AddNewPreset", op.get("operationId"));
        assertEquals("manage_presets", op.get("x-permission"));
        assertEquals("User", op.get("x-permission-group"));
        assertEquals("BasicAPIFeatures", op.get("x-area"));
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) op.get("requestBody")).get("content")).get("application/json")).get("schema");
        assertEquals(List.of("session_id", "title"), schema.get("required"));
        assertEquals(true, schema.get("additionalProperties"), "a JObject parameter takes the whole body");
        Map<String, Object> props = (Map<String, Object>) schema.get("properties");
        assertEquals(false, ((Map<String, Object>) props.get("is_edit")).get("default"));
        assertEquals("(null)", ((Map<String, Object>) props.get("editing")).get("x-default"));
    }

    private static ParamDTO param(String name, String type, String def, boolean required) {
        ParamDTO p = new ParamDTO();
        p.name = name;
        p.type = type;
        p.description = name;
        p.defaultText = def;
        p.required = required;
        return p;
    }
}
