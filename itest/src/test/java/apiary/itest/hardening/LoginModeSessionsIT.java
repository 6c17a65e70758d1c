package apiary.itest.hardening;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.Map;

import apiary.itest.sessions.RawHttp;
import apiary.itest.sessions.SessionsTestSupport;

import org.junit.After;
import org.junit.Test;

/**
 * A session handed out as the local owner before login-required mode was switched on ends when the mode is
 * switched on. Opened from loopback, it used to keep its owner rights from any address while the localhost bypass
 * was on.
 */
public class LoginModeSessionsIT extends SessionsTestSupport {
    @After
    public void restore() {
        settings.change(Map.of("userauthorization.authorizationrequired", false, "userauthorization.allowlocalhostbypass", true));
    }

    @Test
    public void localSessionsEndWhenLoginBecomesRequired() {
        RawHttp loopback = from("127.0.0.1");
        RawHttp elsewhere = from(RawHttp.randomLoopback());
        String before = (String) loopback.post("GetNewSession", Map.of(), Map.of()).get("session_id");
        assertNotNull(before);
        assertEquals(200, elsewhere.call(before, "ListServerSettings", Map.of(), Map.of()).status);

        settings.change(Map.of("userauthorization.authorizationrequired", true));
        RawHttp.Reply stolen = elsewhere.call(before, "ListServerSettings", Map.of(), Map.of());
        assertEquals("the old owner session no longer works from another address: " + stolen, 401, stolen.status);
        assertEquals("nor from loopback", 401, loopback.call(before, "GetCurrentStatus", Map.of(), Map.of()).status);
        // Loopback simply gets a new session through the bypass.
        String fresh = (String) loopback.post("GetNewSession", Map.of(), Map.of()).get("session_id");
        assertEquals(200, loopback.call(fresh, "GetCurrentStatus", Map.of(), Map.of()).status);
    }
}
