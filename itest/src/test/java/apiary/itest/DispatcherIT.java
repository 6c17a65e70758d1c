package apiary.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The /API dispatcher over real HTTP and WebSocket: SwarmUI's transport rules, error shapes and statuses, and
 * parameter binding, exercised through the echo test bundle.
 */
public class DispatcherIT extends ApiaryTestSupport {
    private EchoBundle echo;
    private Api api;

    @Before
    public void setUp() throws Exception {
        api = api();
        echo = EchoBundle.install(context);
    }

    @After
    public void tearDown() throws Exception {
        echo.close();
    }

    @Test
    public void getNewSessionAnswersLikeSwarmUI() {
        Api.Reply r = api.post("GetNewSession", Map.of());
        assertEquals(200, r.status);
        assertTrue(((String) r.get("session_id")).matches("[0-9a-f]{40}"));
        assertEquals("local", r.get("user_id"));
        assertTrue(r.json.containsKey("version"));
        assertTrue(r.json.containsKey("server_id"));
        assertTrue(r.json.containsKey("output_append_user"));
        assertTrue(((List<?>) r.get("permissions")).contains("*"));
        assertEquals("no-store", r.raw.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("application/json", r.raw.headers().firstValue("Content-Type").orElse(""));
        assertFalse(r.get("session_id").equals(api.newSession()));
    }

    @Test
    public void routeNamesAreCaseInsensitive() {
        String s = api.newSession();
        assertEquals(200, api.call(s, "getcurrentstatus", Map.of()).status);
        assertEquals(200, api.send(json("/api/GETCURRENTSTATUS", "{\"session_id\":\"" + s + "\"}")).status);
    }

    @Test
    public void sessionComesFromBodyOrHeader() {
        String s = api.newSession();
        Api.Reply r = api.send(HttpRequest.newBuilder(api.uri("/API/GetCurrentStatus")).header("Content-Type", "application/json")
                .header("X-Session-ID", s).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, r.status);
        assertEquals("empty", ((Map<?, ?>) r.get("backend_status")).get("status"));
    }

    @Test
    public void transportErrors() {
        expect(api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 400, "{\"error_id\":\"basic_api\",\"error\":\"Wrong content type\"}");
        expect(api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build()), 400, "{\"error_id\":\"basic_api\",\"error\":\"bad content length\"}");
        expect(api.send(json("/API/GetNewSession", "null")), 400, "{\"error_id\":\"basic_api\",\"error\":\"null input\"}");
        expect(api.send(json("/API/GetNewSession", "{not json")), 400, "{\"error_id\":\"internal_error\",\"error\":\"An internal error occurred\"}");
        expect(api.send(json("/API/GetNewSession", "[1,2]")), 400, "{\"error_id\":\"internal_error\",\"error\":\"An internal error occurred\"}");
        assertEquals(200, api.send(json("/API/GetNewSession", "{}")).status);
        Api.Reply typed = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "application/vnd.x+json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals(200, typed.status);
    }

    @Test
    public void refusalsWithoutReadingTheBodyCloseTheConnection() {
        Api.Reply r = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertEquals("close", r.raw.headers().firstValue("Connection").orElse(""));
        // The next request on a fresh connection works: nothing is left half-read.
        assertEquals(200, api.post("GetNewSession", Map.of()).status);
    }

    @Test
    public void sessionErrors() {
        expect(api.post("GetCurrentStatus", Map.of()), 400, "{\"error_id\":\"basic_api\",\"error\":\"missing session id\"}");
        expect(api.post("GetCurrentStatus", Map.of("session_id", "0000")), 401,
                "{\"error\":\"Invalid session ID. You may need to refresh the page.\",\"error_id\":\"invalid_session_id\"}");
        // SwarmUI checks the session before the route; Apiary reports an unknown route as unknown, session or not.
        expect(api.post("NoSuchRoute", Map.of()), 400, "{\"error_id\":\"bad_route\",\"error\":\"Unknown API route\"}");
    }

    @Test
    public void unknownRouteAndKindMismatch() {
        String s = api.newSession();
        expect(api.call(s, "NoSuchRoute", Map.of()), 400, "{\"error_id\":\"bad_route\",\"error\":\"Unknown API route\"}");
        expect(api.call(s, "GetCurrentStatus/Nested", Map.of()), 400, "{\"error_id\":\"bad_route\",\"error\":\"Unknown API route\"}");
        expect(api.call(s, "ItestEchoWS", Map.of("text", "x")), 400,
                "{\"error_id\":\"bad_request_method\",\"error\":\"API route needs websocket, request is HTTP\"}");
        Api.WsResult ws = api.ws("GetCurrentStatus", Map.of("session_id", s));
        assertEquals(Map.of("error_id", "bad_request_method", "error", "API route needs HTTP, request is websocket"), ws.last());
        // An unknown WebSocket route is refused before the upgrade (hardening; see WebSocketChannelIT).
    }

    @Test
    public void getOnApiRedirects() {
        Api.Reply r = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).GET().build());
        assertEquals(302, r.status);
        assertEquals("/Error/NoGetAPI", r.raw.headers().firstValue("Location").orElse(""));
    }

    @Test
    public void handlerCrashIsInternalErrorWithoutDetails() {
        String s = api.newSession();
        Api.Reply r = api.call(s, "ItestCrash", Map.of());
        expect(r, 400, "{\"error_id\":\"internal_error\",\"error\":\"An internal error occurred\"}");
        assertFalse(r.text.contains("secret"));
        expect(api.call(s, "ItestNull", Map.of()), 400, "{\"error_id\":\"no_result\",\"error\":\"API call did not return any output\"}");
    }

    @Test
    public void parameterBindingFollowsSwarmUI() {
        String s = api.newSession();
        Api.Reply defaults = api.call(s, "ItestEcho", Map.of("text", "hi"));
        assertEquals(200, defaults.status);
        assertEquals(Map.of("text", "hi", "count", 1, "flag", false, "ratio", 0.5, "big", -1, "maybe", "(null)",
                "items", List.of(), "user", "local"), defaults.json);

        Api.Reply coerced = api.call(s, "ItestEcho", Map.of("text", 5, "count", "7", "flag", "TRUE", "ratio", "2",
                "big", 12345678901L, "maybe", "m", "items", List.of("a", 2)));
        assertEquals(Map.of("text", "5", "count", 7, "flag", true, "ratio", 2.0, "big", 12345678901L, "maybe", "m",
                "items", List.of("a", "2"), "user", "local"), coerced.json);

        expect(api.call(s, "ItestEcho", Map.of()), 200, "{\"error\":\"Missing required parameter 'text'\"}");
        expect(api.call(s, "ItestEcho", Map.of("text", "x", "count", 5.5)), 200,
                "{\"error\":\"Invalid value '5.5' for parameter 'count', must be type 'Int32'\"}");
        expect(api.call(s, "ItestEcho", Map.of("text", "x", "flag", 1)), 200,
                "{\"error\":\"Invalid value '1' for parameter 'flag', must be type 'Boolean'\"}");
        expect(api.call(s, "ItestEcho", Map.of("text", "x", "big", "lots")), 200,
                "{\"error\":\"Invalid value 'lots' for parameter 'big', must be type 'Int64'\"}");
        expect(api.call(s, "ItestEcho", Map.of("text", "x", "ratio", "1.5d")), 200,
                "{\"error\":\"Invalid value '1.5d' for parameter 'ratio', must be type 'Double'\"}");
    }

    @Test
    public void jobjectParameterGetsTheWholeBodyWithoutSession() {
        String s = api.newSession();
        Api.Reply r = api.call(s, "ItestEchoBody", Map.of("a", 1, "nested", Map.of("b", true)));
        assertEquals(Map.of("raw", Map.of("a", 1, "nested", Map.of("b", true))), r.json);
    }

    @Test
    public void webSocketRouteStreamsFramesThenClosesNormally() {
        String s = api.newSession();
        Api.WsResult r = api.ws("ItestEchoWS", Map.of("session_id", s, "text", "hey", "count", 3));
        assertEquals(4, r.frames.size());
        assertEquals(Map.of("frame", 0, "text", "hey"), r.frames.get(0));
        assertEquals(Map.of("frame", 2, "text", "hey"), r.frames.get(2));
        assertEquals(Map.of("done", true), r.last());
        assertEquals(1000, r.closeCode);
        Api.WsResult missing = api.ws("ItestEchoWS", Map.of("session_id", s));
        assertEquals(Map.of("error", "Missing required parameter 'text'"), missing.last());
    }

    @Test
    public void pagesAndRedirects() {
        Api.Reply root = api.send(HttpRequest.newBuilder(api.uri("/")).GET().build());
        assertEquals(302, root.status);
        assertTrue(root.raw.headers().firstValue("Location").orElse("").endsWith("Text2Image"));
        Api.Reply unknown = api.send(HttpRequest.newBuilder(api.uri("/no/such/page")).GET().build());
        assertEquals(302, unknown.status);
        assertEquals("/Error/404", unknown.raw.headers().firstValue("Location").orElse(""));
        assertEquals(404, api.send(HttpRequest.newBuilder(api.uri("/Error/404")).GET().build()).status);
        assertEquals(400, api.send(HttpRequest.newBuilder(api.uri("/Error/BasicAPI")).GET().build()).status);
        assertEquals(500, api.send(HttpRequest.newBuilder(api.uri("/Error/Internal")).GET().build()).status);
        // 200 like SwarmUI: health checks GET an API route, follow the redirect and want a 200.
        assertEquals(200, api.send(HttpRequest.newBuilder(api.uri("/Error/NoGetAPI")).GET().build()).status);
        assertEquals(200, api.send(HttpRequest.newBuilder(api.uri("/Text2Image")).GET().build()).status);
    }

    private HttpRequest json(String path, String body) {
        return HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void expect(Api.Reply reply, int status, String exactJson) {
        assertEquals(reply.toString(), status, reply.status);
        assertEquals(exactJson, reply.text);
    }
}
