package apiary.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import apiary.core.api.route.RouteRuntime;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.RouteDTO;

import org.junit.Test;

/**
 * The route whiteboard in a running framework: a bundle installed at runtime serves its routes and appears in
 * the OpenAPI document; refused declarations are listed with reasons; after uninstall everything is gone.
 */
public class RouteRegistryIT extends ApiaryTestSupport {
    @Inject
    private RouteRuntime runtime;

    @Test
    public void installedBundleServesRoutesUntilUninstalled() throws Exception {
        Api api = api();
        String s = api.newSession();
        assertEquals("bad_route", api.call(s, "ItestEcho", Map.of("text", "x")).get("error_id"));
        assertFalse(openApiPaths(api).containsKey("/API/ItestEcho"));

        try (EchoBundle echo = EchoBundle.install(context)) {
            assertEquals("x", api.call(s, "ItestEcho", Map.of("text", "x")).get("text"));
            Map<String, Object> paths = openApiPaths(api);
            assertTrue(paths.containsKey("/API/ItestEcho"));
            assertTrue(paths.containsKey("/API/ItestEchoWS"));
            assertFalse("refused routes are not documented", paths.containsKey("/API/ItestUndeclared"));

            Optional<FailedRouteDTO> undeclared = failed("ItestUndeclared");
            assertEquals(FailedRouteDTO.UNKNOWN_PERMISSION, undeclared.orElseThrow().reason);
            assertEquals("itest.echo", undeclared.get().bundleSymbolicName);
            assertEquals(FailedRouteDTO.INVALID_SIGNATURE, failed("ItestBadSignature").orElseThrow().reason);
        }
        assertEquals("bad_route", api.call(s, "ItestEcho", Map.of("text", "x")).get("error_id"));
        assertFalse(openApiPaths(api).containsKey("/API/ItestEcho"));
        assertTrue(failed("ItestUndeclared").isEmpty());
    }

    @Test
    public void openApiDescribesEveryRouteWithItsMetadata() throws Exception {
        Api api = api();
        try (EchoBundle echo = EchoBundle.install(context)) {
            Map<String, Object> paths = openApiPaths(api);
            List<RouteDTO> routes = runtime.snapshot().routes;
            assertEquals("exactly the registered routes", routes.size(), paths.size());
            for (RouteDTO r : routes) {
                assertTrue(r.name, paths.containsKey("/API/" + r.name));
            }
            Map<?, ?> echoOp = operation(paths, "ItestEcho");
            assertEquals("ItestEcho", echoOp.get("operationId"));
            assertEquals("itest_echo", echoOp.get("x-permission"));
            assertEquals("Integration Tests", echoOp.get("x-permission-group"));
            assertEquals("ItestEcho", echoOp.get("x-area"));
            assertEquals(false, echoOp.get("x-websocket"));
            assertEquals(false, echoOp.get("x-non-final"));
            Map<?, ?> schema = schema(echoOp);
            Map<?, ?> props = (Map<?, ?>) schema.get("properties");
            assertEquals(Map.of("type", "integer", "format", "int32", "description", "A count.", "x-swarm-type", "Int32",
                    "default", 1, "x-default", "1"), props.get("count"));
            assertEquals(List.of("session_id", "text"), schema.get("required"));
            assertEquals(true, operation(paths, "ItestEchoWS").get("x-websocket"));
            Map<?, ?> session = operation(paths, "GetNewSession");
            assertEquals(null, session.get("x-permission"));
            assertEquals(List.of(), schema(session).get("required"));
        }
    }

    private Optional<FailedRouteDTO> failed(String name) {
        return runtime.snapshot().failed.stream().filter(f -> f.name.equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> openApiPaths(Api api) {
        Api.Reply r = api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build());
        assertEquals(200, r.status);
        assertEquals("3.1.0", r.get("openapi"));
        return (Map<String, Object>) r.get("paths");
    }

    private static Map<?, ?> operation(Map<String, Object> paths, String name) {
        return (Map<?, ?>) ((Map<?, ?>) paths.get("/API/" + name)).get("post");
    }

    private static Map<?, ?> schema(Map<?, ?> op) {
        Map<?, ?> body = (Map<?, ?>) op.get("requestBody");
        Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) body.get("content")).get("application/json");
        return (Map<?, ?>) content.get("schema");
    }
}
