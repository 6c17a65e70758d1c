package apiary.core.server.internal.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.route.dto.ParamDTO;
import apiary.core.api.route.dto.RouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;
import apiary.core.server.internal.route.ParamType;

/**
 * Builds the OpenAPI 3.1 description of the served routes from the route registry: one {@code POST /API/<Name>}
 * operation per route, with SwarmUI's metadata as vendor keys. Nothing here is written by hand per route.
 */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    /**
     * @param runtime the current route table
     * @param version the server version
     * @return the document as plain maps, ready to serialise
     */
    public static Map<String, Object> build(RouteRuntimeDTO runtime, String version) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        doc.put("info", map("title", "Apiary API", "version", version, "description",
                "SwarmUI-compatible API. Every route is POST /API/<Name> with a JSON body; all but the sessionless "
                        + "routes need a session_id from GetNewSession (in the body or the X-Session-ID header). "
                        + "Routes with x-websocket are WebSocket routes: connect to the same path and send the body "
                        + "as the first message. Handler errors are HTTP 200 with an 'error' key."));
        Map<String, Object> paths = new LinkedHashMap<>();
        List<String> areas = new ArrayList<>();
        for (RouteDTO route : runtime.routes) {
            paths.put("/API/" + route.name, map("post", operation(route)));
            if (!areas.contains(route.area)) {
                areas.add(route.area);
            }
        }
        List<Object> tags = new ArrayList<>();
        for (RouteDTO route : runtime.routes) {
            if (areas.remove(route.area)) {
                tags.add(map("name", route.area, "description", route.areaDescription));
            }
        }
        doc.put("tags", tags);
        doc.put("paths", paths);
        return doc;
    }

    private static Map<String, Object> operation(RouteDTO route) {
        Map<String, Object> op = new LinkedHashMap<>();
        op.put("operationId", route.name);
        op.put("summary", route.description);
        op.put("tags", List.of(route.area));
        op.put("x-area", route.area);
        op.put("x-permission", route.sessionless ? null : route.permission);
        op.put("x-permission-name", route.sessionless ? null : route.permissionName);
        op.put("x-permission-group", route.sessionless ? null : route.permissionGroup);
        op.put("x-non-final", route.nonFinal);
        op.put("x-websocket", route.webSocket);
        op.put("x-user-update", route.userUpdate);
        op.put("x-sessionless", route.sessionless);
        op.put("x-max-request-bytes", route.maxRequestBytes);
        op.put("x-handler", route.handlerClass + "#" + route.handlerMethod);
        op.put("x-bundle", route.bundleSymbolicName);
        op.put("requestBody", map("required", true, "content", map("application/json", map("schema", requestSchema(route)))));
        op.put("responses", map("200", map("description", route.returns.isEmpty() ? "JSON result" : route.returns,
                "content", map("application/json", map("schema", map("type", "object"))))));
        return op;
    }

    private static Map<String, Object> requestSchema(RouteDTO route) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        if (!route.sessionless) {
            properties.put("session_id", map("type", "string", "description", "The session id from GetNewSession."));
            required.add("session_id");
        }
        boolean wholeBody = false;
        for (ParamDTO p : route.params) {
            Map<String, Object> schema = typeSchema(p.type);
            schema.put("description", p.description);
            schema.put("x-swarm-type", p.type);
            if (ParamType.JOBJECT.swarmName().equals(p.type)) {
                wholeBody = true;
                schema.put("description", p.description + " (JObject: the route receives the whole request body "
                        + "minus session_id, so send these keys at the top level.)");
            } else if (p.required) {
                required.add(p.name);
            } else if (!"(null)".equals(p.defaultText)) {
                schema.put("default", typedDefault(p));
            }
            schema.put("x-default", p.defaultText);
            properties.put(p.name, schema);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        schema.put("additionalProperties", wholeBody);
        return schema;
    }

    private static Map<String, Object> typeSchema(String swarmType) {
        switch (swarmType) {
            case "Int32":
                return map("type", "integer", "format", "int32");
            case "Int64":
                return map("type", "integer", "format", "int64");
            case "Boolean":
                return map("type", "boolean");
            case "Double":
                return map("type", "number", "format", "double");
            case "Single":
                return map("type", "number", "format", "float");
            case "String[]":
                return map("type", "array", "items", map("type", "string"));
            case "JObject":
                return map("type", "object");
            default:
                return map("type", "string");
        }
    }

    private static Object typedDefault(ParamDTO p) {
        for (ParamType t : ParamType.values()) {
            if (t.swarmName().equals(p.type)) {
                Object v = t.parse(p.defaultText);
                return v == null ? p.defaultText : v;
            }
        }
        return p.defaultText;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
