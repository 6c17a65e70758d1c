package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher, probed from the moment it is started: every API answer the server gives is a real one. On a
 * first start the port used to accept before core.sessions had registered its routes, and GetNewSession answered
 * {@code 400 missing session id} for a quarter of a second. The server now answers as soon as its core (sessions)
 * is up, while the other bundles still start; what only they can answer waits for them, so a client that calls
 * their routes at once gets their real answers, never "unknown route".
 */
public class StartupIT {
    @Test
    public void noAnswerBeforeEveryBundlesRoutesAreServed() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerProcess.newDataDir("startup"))) {
            assertEveryAnswerReal(server.startupReplies());
            assertOtherBundlesAnswerAtOnce(server.api());
            // A restart over the same data folder (the usual case) too.
            server.restart();
            assertEveryAnswerReal(server.startupReplies());
            assertOtherBundlesAnswerAtOnce(server.api());
        }
    }

    /** Called the moment GetNewSession first answered: routes, files and sockets of the bundles started after it. */
    private static void assertOtherBundlesAnswerAtOnce(Api api) throws Exception {
        String session = api.newSession();
        CompletableFuture<Api.Reply> types = CompletableFuture.supplyAsync(() -> api.call(session, "ListBackendTypes", Map.of()));
        CompletableFuture<Api.Reply> params = CompletableFuture.supplyAsync(() -> api.call(session, "ListT2IParams", Map.of()));
        CompletableFuture<Api.Reply> openApi = CompletableFuture.supplyAsync(() -> api.send(
                HttpRequest.newBuilder(api.uri("/openapi.json")).timeout(Duration.ofSeconds(60)).GET().build()));
        CompletableFuture<Api.WsResult> socket = CompletableFuture.supplyAsync(
                () -> api.ws("SubscribeJobWS", Map.of("session_id", session, "job_id", 987654321)));
        Api.Reply t = types.get(90, TimeUnit.SECONDS);
        assertEquals(t.toString(), 200, t.status);
        assertTrue(t.toString(), t.text.contains("comfyui_api"));
        Api.Reply p = params.get(90, TimeUnit.SECONDS);
        assertEquals(p.toString(), 200, p.status);
        assertTrue(p.toString(), p.get("list") instanceof List);
        Api.Reply o = openApi.get(90, TimeUnit.SECONDS);
        assertTrue(o.toString(), o.status == 200 && o.text.contains("/API/GenerateText2Image"));
        Api.WsResult w = socket.get(90, TimeUnit.SECONDS);
        assertFalse("frames: " + w.frames, w.frames.isEmpty());
        for (Map<String, Object> frame : w.frames) {
            assertNotEquals("frames: " + w.frames, "bad_route", frame.get("error_id"));
        }
        assertTrue("frames: " + w.frames, w.frames.get(0).get("error") instanceof String);
    }

    private static void assertEveryAnswerReal(List<Api.Reply> replies) {
        assertTrue(!replies.isEmpty());
        for (Api.Reply r : replies) {
            assertEquals("an answer while starting: " + r, 200, r.status);
            assertTrue(r.toString(), r.json != null && r.json.get("session_id") instanceof String);
        }
    }
}
