package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Routes that answer with a {@code CompletionStage} over HTTP: the answer comes when the stage completes, failures
 * inside the stage are answered like thrown ones, no server thread waits with them, and the route learns when its
 * client leaves.
 */
public class AsyncRoutesIT extends ApiaryTestSupport {
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

    private Map<String, Object> call(String route, Map<String, ?> body) {
        return api.call(session, route, body).json;
    }

    private void awaitHeld(String key, int count) throws InterruptedException {
        Await.until("held calls under " + key + " reach " + count, 30,
                () -> ((Number) call("ItestHeld", Map.of("key", key)).get("held")).intValue() >= count);
    }

    @Test
    public void aStageAnswersWhenItCompletesAndItsFailuresLookLikeThrownOnes() throws Exception {
        for (String outcome : List.of("value", "apierror", "crash", "null")) {
            String key = "outcome-" + outcome;
            try (RawCall held = RawCall.open(server.port(), "127.0.0.1")) {
                held.post("ItestHold", Map.of("session_id", session, "key", key));
                awaitHeld(key, 1);
                assertEquals(Map.of("released", 1), call("ItestRelease", Map.of("key", key, "outcome", outcome)));
                RawCall.Answer a = held.answer();
                switch (outcome) {
                    case "value":
                        assertEquals(a.toString(), 200, a.status);
                        assertEquals(key, a.json().get("released"));
                        break;
                    case "apierror":
                        assertEquals(200, a.status);
                        assertEquals("{\"error\":\"refused later\"}", a.body);
                        break;
                    case "crash":
                        assertEquals(400, a.status);
                        assertEquals("{\"error_id\":\"internal_error\",\"error\":\"An internal error occurred\"}", a.body);
                        assertFalse(a.body.contains("secret"));
                        break;
                    default:
                        assertEquals(400, a.status);
                        assertEquals("{\"error_id\":\"no_result\",\"error\":\"API call did not return any output\"}", a.body);
                }
            }
        }
    }

    /**
     * More waiting calls than the server has threads (200): if a waiting call held a thread, the later calls and a
     * plain call in between would get no answer. Spread over source addresses, which each may only open so many
     * connections.
     */
    @Test
    public void waitingCallsHoldNoServerThread() throws Exception {
        String key = "many-" + UUID.randomUUID();
        int calls = 260;
        List<RawCall> held = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                RawCall c = RawCall.open(server.port(), "127.9." + (i / 32) + "." + (1 + i % 32));
                held.add(c.post("ItestHold", Map.of("session_id", session, "key", key)));
            }
            awaitHeld(key, calls);
            assertEquals(200, api.call(session, "GetCurrentStatus", Map.of()).status);
            assertEquals(Map.of("released", calls), call("ItestRelease", Map.of("key", key)));
            for (RawCall c : held) {
                RawCall.Answer a = c.answer();
                assertEquals(a.toString(), key, a.json().get("released"));
            }
        } finally {
            held.forEach(RawCall::close);
        }
    }

    @Test
    public void aClientThatLeavesWhileItsCallWaitsIsNoticed() throws Exception {
        String key = "leave-" + UUID.randomUUID();
        RawCall c = RawCall.open(server.port(), "127.0.0.1");
        c.post("ItestAwaitDisconnect", Map.of("session_id", session, "key", key));
        awaitHeld(key, 1);
        assertEquals(false, call("ItestEvent", Map.of("event", "disconnect:" + key)).get("seen"));
        c.close();
        Await.until("the route hears of the disconnect", 10,
                () -> Boolean.TRUE.equals(call("ItestEvent", Map.of("event", "disconnect:" + key)).get("seen")));
        call("ItestRelease", Map.of("key", key));
    }

    @Test
    public void aConnectionServesAgainAfterAWaitingCall() throws Exception {
        String key = "keepalive-" + UUID.randomUUID();
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            c.post("ItestAwaitDisconnect", Map.of("session_id", session, "key", key));
            awaitHeld(key, 1);
            call("ItestRelease", Map.of("key", key));
            assertEquals(200, c.answer().status);
            // The same connection carries the next call, and the watch did not take it for a disconnect.
            c.post("GetCurrentStatus", Map.of("session_id", session));
            assertEquals(200, c.answer().status);
            assertEquals(false, call("ItestEvent", Map.of("event", "disconnect:" + key)).get("seen"));
        }
    }

    @Test
    public void aPipelinedRequestBehindAWaitingCallIsNotLostSilently() throws Exception {
        String key = "pipelined-" + UUID.randomUUID();
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            c.post("ItestHold", Map.of("session_id", session, "key", key));
            awaitHeld(key, 1);
            c.post("GetCurrentStatus", Map.of("session_id", session));
            call("ItestRelease", Map.of("key", key));
            RawCall.Answer first = c.answer();
            assertEquals(200, first.status);
            // The server read into the second request while watching the first; it says it will close, so the
            // client knows to send the second again.
            assertTrue(first.head, first.hasHeader("Connection", "close"));
        }
    }
}
