package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher, probed from the moment it is started: every API answer the server gives is a real one. On a
 * first start the port used to accept before core.sessions had registered its routes, and GetNewSession answered
 * {@code 400 missing session id} for a quarter of a second.
 */
public class StartupIT {
    @Test
    public void noAnswerBeforeEveryBundlesRoutesAreServed() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerProcess.newDataDir("startup"))) {
            assertEveryAnswerReal(server.startupReplies());
            // A restart over the same data folder (the usual case) too.
            server.restart();
            assertEveryAnswerReal(server.startupReplies());
        }
    }

    private static void assertEveryAnswerReal(List<Api.Reply> replies) {
        assertTrue(!replies.isEmpty());
        for (Api.Reply r : replies) {
            assertEquals("an answer while starting: " + r, 200, r.status);
            assertTrue(r.toString(), r.json != null && r.json.get("session_id") instanceof String);
        }
    }
}
