package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Request bodies are refused before they are read when they exceed their route's limit, and a body that names an
 * unknown session is refused as soon as the name has arrived, not after the rest of it.
 */
public class RequestSizeIT extends ApiaryTestSupport {
    private EchoBundle echo;
    private Api api;
    private String session;

    @Before
    public void setUp() throws Exception {
        api = api();
        echo = EchoBundle.install(context);
        session = api.newSession();
    }

    @After
    public void tearDown() throws Exception {
        echo.close();
    }

    @Test
    public void aBodyOverItsRoutesLimitIsRefusedUnread() {
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            // Announce 5 MiB to a route that takes the default 4 MiB, and send none of it.
            c.send(RawCall.postHead("GetCurrentStatus", 5L * 1024 * 1024));
            RawCall.Answer a = c.answer();
            assertEquals(400, a.status);
            assertEquals("{\"error_id\":\"basic_api\",\"error\":\"Request too large: this route accepts at most 4 MiB.\"}", a.body);
            assertTrue(a.head, a.hasHeader("Connection", "close"));
        }
        // Over the server's own limit (200 MiB) it is SwarmUI's answer.
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            c.send(RawCall.postHead("GetCurrentStatus", 300L * 1024 * 1024));
            assertEquals("{\"error_id\":\"basic_api\",\"error\":\"bad content length\"}", c.answer().body);
        }
    }

    @Test
    public void aRouteThatTakesLargeBodiesGetsThem() {
        String data = "z".repeat(5 * 1024 * 1024);
        Api.Reply r = api.call(session, "ItestLargeBody", Map.of("data", data));
        assertEquals(r.toString(), Map.of("length", data.length()), r.json);
    }

    @Test
    public void anUnknownSessionIsRefusedBeforeTheRestOfTheBody() {
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            String start = "{\"session_id\":\"0000000000000000000000000000000000000000\",\"data\":\"";
            c.send(RawCall.postHead("ItestLargeBody", 4L * 1024 * 1024));
            c.send(start.getBytes(StandardCharsets.UTF_8));
            // The rest of the 4 MiB never comes; the answer does.
            RawCall.Answer a = c.answer();
            assertEquals(401, a.status);
            assertEquals("{\"error\":\"Invalid session ID. You may need to refresh the page.\",\"error_id\":\"invalid_session_id\"}", a.body);
        }
    }

    @Test
    public void aValidSessionInTheBodyIsServedWherever() {
        Api.Reply r = api.post("ItestLargeBody", Map.of("data", "x".repeat(100_000), "session_id", session));
        assertEquals(Map.of("length", 100_000), r.json);
    }
}
