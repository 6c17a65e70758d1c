package apiary.itest.hardening;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
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
 * WebSocket routes through the real server: frames offered without waiting (a client that stops reading is cut off,
 * the route never stalls), latest-wins frames, binary frames, close callbacks, results from a stage, unknown routes
 * refused before the upgrade, and message limits that are the route's own.
 */
public class WebSocketChannelIT extends ApiaryTestSupport {
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

    private boolean seen(String event) {
        return Boolean.TRUE.equals(call("ItestEvent", Map.of("event", event)).get("seen"));
    }

    @Test
    public void aClientThatStopsReadingIsCutOffAndTheRouteNeverWaits() throws Exception {
        String key = "flood-" + UUID.randomUUID();
        WsClient ws = WsClient.open(server.port(), "ItestFloodWS", false);
        // 300 frames of 1 MiB: far more than the socket buffers and the 64 MiB the server queues for a client.
        ws.send(Map.of("session_id", session, "key", key, "frames", 300, "bytes", 1 << 20));
        Await.until("the flooding route finished offering", 60, () -> !call("ItestFloodResult", Map.of("key", key)).containsKey("pending"));
        Map<String, Object> result = call("ItestFloodResult", Map.of("key", key));
        int accepted = ((Number) result.get("accepted")).intValue();
        assertTrue(result.toString(), accepted > 0 && accepted < 300);
        assertEquals(result.toString(), false, result.get("open"));
        Await.until("the route's close callback ran", 30, () -> seen("close:" + key));
        ws.abort();
    }

    @Test
    public void latestWinsFramesKeepOrderAndTheLatestAlwaysArrives() throws Exception {
        WsClient ws = WsClient.open(server.port(), "ItestLatestWS", true);
        ws.send(Map.of("session_id", session, "count", 2000));
        assertEquals(1000, ws.awaitClose());
        List<Map<String, Object>> frames = ws.json();
        assertEquals(Map.of("done", 2000), frames.get(frames.size() - 1));
        int previous = -1;
        for (Map<String, Object> f : frames.subList(0, frames.size() - 1)) {
            int p = ((Number) f.get("progress")).intValue();
            assertTrue(previous + " then " + p, p > previous);
            previous = p;
        }
        assertEquals(1999, previous);
    }

    @Test
    public void binaryFramesArriveWholeAndInOrder() throws Exception {
        WsClient ws = WsClient.open(server.port(), "ItestBinaryWS", true);
        ws.send(Map.of("session_id", session, "count", 3, "size", 200_000));
        assertEquals(1000, ws.awaitClose());
        assertEquals(4, ws.frames.size());
        for (int i = 0; i < 3; i++) {
            byte[] expected = new byte[200_000];
            Arrays.fill(expected, (byte) i);
            assertArrayEquals(expected, (byte[]) ws.frames.get(i));
        }
        assertEquals(Map.of("done", 3, "accepted", List.of(true, true, true)), ws.frames.get(3));
    }

    @Test
    public void aStageResultIsTheLastFrameThenANormalClose() throws Exception {
        String key = "stage-" + UUID.randomUUID();
        WsClient ws = WsClient.open(server.port(), "ItestHoldWS", true);
        ws.send(Map.of("session_id", session, "key", key));
        Await.until("the call is held", 30, () -> ((Number) call("ItestHeld", Map.of("key", key)).get("held")).intValue() == 1);
        call("ItestRelease", Map.of("key", key));
        assertEquals(1000, ws.awaitClose());
        List<Map<String, Object>> frames = ws.json();
        assertEquals(Map.of("waiting", key), frames.get(0));
        assertEquals(key, frames.get(1).get("released"));
        assertEquals(2, frames.size());
    }

    @Test
    public void failuresInsideAStageAreAnsweredLikeThrownOnes() throws Exception {
        WsClient refused = WsClient.open(server.port(), "ItestStageWS", true);
        refused.send(Map.of("session_id", session, "outcome", "apierror"));
        assertEquals(1000, refused.awaitClose());
        assertEquals(List.of(Map.of("before", "apierror"), Map.of("error", "refused in stage")), refused.json());

        WsClient crashed = WsClient.open(server.port(), "ItestStageWS", true);
        crashed.send(Map.of("session_id", session, "outcome", "crash"));
        assertEquals(1000, crashed.awaitClose());
        assertEquals(List.of(Map.of("before", "crash"), Map.of("error_id", "internal_error", "error", "An internal error occurred")),
                crashed.json());

        WsClient value = WsClient.open(server.port(), "ItestStageWS", true);
        value.send(Map.of("session_id", session, "outcome", "value"));
        assertEquals(1000, value.awaitClose());
        assertEquals(List.of(Map.of("before", "value"), Map.of("after", "value")), value.json());
    }

    @Test
    public void theRouteHearsWhenTheClientCloses() throws Exception {
        String key = "close-" + UUID.randomUUID();
        WsClient ws = WsClient.open(server.port(), "ItestHoldWS", true);
        ws.send(Map.of("session_id", session, "key", key));
        Await.until("the first frame", 30, () -> !ws.json().isEmpty());
        assertFalse(seen("close:" + key));
        ws.close();
        Await.until("the route's close callback ran", 30, () -> seen("close:" + key));
        call("ItestRelease", Map.of("key", key));
    }

    @Test
    public void aClientThatFloodsMessagesAheadOfTheRouteIsClosed() throws Exception {
        String key = "inbox-" + UUID.randomUUID();
        WsClient ws = WsClient.open(server.port(), "ItestHoldWS", true);
        ws.send(Map.of("session_id", session, "key", key));
        Await.until("the first frame", 30, () -> !ws.json().isEmpty());
        try {
            for (int i = 0; i < 200 && !ws.closed.isDone(); i++) {
                ws.sendText("{\"more\":" + i + "}");
            }
        } catch (Exception e) {
            // The server closed while we were still sending: what this test expects.
        }
        assertEquals(1008, ws.awaitClose());
        call("ItestRelease", Map.of("key", key));
    }

    @Test
    public void anUnknownRouteIsRefusedBeforeTheUpgrade() {
        try (RawCall c = RawCall.open(server.port(), "127.0.0.1")) {
            c.send("GET /API/NoSuchRouteWS HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            RawCall.Answer a = c.answer();
            assertEquals(a.toString(), 400, a.status);
            assertEquals("{\"error_id\":\"bad_route\",\"error\":\"Unknown API route\"}", a.body);
        }
    }

    @Test
    public void messageLimitsAreTheRoutesOwn() throws Exception {
        String big = "y".repeat(5 * 1024 * 1024);
        WsClient small = WsClient.open(server.port(), "ItestEchoWS", true);
        small.send(Map.of("session_id", session, "text", big, "count", 0));
        assertEquals(1009, small.awaitClose());

        WsClient large = WsClient.open(server.port(), "ItestLargeBodyWS", true);
        large.send(Map.of("session_id", session, "data", big));
        assertEquals(1000, large.awaitClose());
        assertEquals(List.of(Map.of("length", big.length())), large.json());
    }
}
