package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.Map;

import apiary.itest.sessions.RawHttp;
import apiary.itest.sessions.SessionsTestSupport;

import org.junit.After;
import org.junit.Test;

/**
 * Switching login-required mode on ends the sessions handed out as the local owner to remote callers, and keeps
 * those opened from loopback while the localhost bypass is on (SwarmUI's bypass keeps such a client working as the
 * local user; ending them only broke its clients, since the bypass hands the same caller the same user again).
 */
public class LoginModeSessionsIT extends SessionsTestSupport {
    @After
    public void restore() {
        settings.change(Map.of("userauthorization.authorizationrequired", false, "userauthorization.allowlocalhostbypass", true));
    }

    @Test
    public void remoteSessionsEndAndLoopbackOnesStayWhenLoginBecomesRequired() {
        RawHttp loopback = from("127.0.0.1");
        RawHttp elsewhere = from(RawHttp.randomLoopback());
        String local = (String) loopback.post("GetNewSession", Map.of(), Map.of()).get("session_id");
        String remote = (String) elsewhere.post("GetNewSession", Map.of(), Map.of()).get("session_id");
        assertNotNull(local);
        assertEquals(200, elsewhere.call(remote, "ListServerSettings", Map.of(), Map.of()).status);

        settings.change(Map.of("userauthorization.authorizationrequired", true));
        RawHttp.Reply ended = elsewhere.call(remote, "ListServerSettings", Map.of(), Map.of());
        assertEquals("the remote caller's owner session ended: " + ended, 401, ended.status);
        assertEquals("the loopback client keeps working as the local admin", 200,
                loopback.call(local, "ListServerSettings", Map.of(), Map.of()).status);

        settings.change(Map.of("userauthorization.allowlocalhostbypass", false));
        assertEquals("without the bypass it ends too", 401, loopback.call(local, "GetCurrentStatus", Map.of(), Map.of()).status);
    }
}
