package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import apiary.core.api.session.InterruptToken;

import org.junit.Test;

/**
 * Login-required mode through the running server: who gets a session, Login with SwarmUI's client pre-hash and the
 * {@code swarm_token} cookie, permissions per role, and Logout. Each test connects from loopback addresses of its own
 * (so the per-address rate limit and the localhost bypass see distinct callers) and restores the settings it changes.
 */
public class AuthModeIT extends AuthModeTestSupport {
    @Test
    public void withoutLoginOnlyThePlainLocalhostGetsASession() {
        assertEquals(Map.of("error", INVALID), from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of()).json);
        assertEquals("local", from("127.0.0.1").post("GetNewSession", Map.of(), Map.of()).get("user_id"));
        assertEquals("a forwarding header means the caller is elsewhere", Map.of("error", INVALID),
                from("127.0.0.1").post("GetNewSession", Map.of(), Map.of("X-Forwarded-For", "127.0.0.1")).json);
        assertEquals("a forged cookie opens nothing", Map.of("error", INVALID), from(RawHttp.randomLoopback()).post("GetNewSession",
                Map.of(), Map.of("Cookie", "swarm_token=6c6f63616c." + "0".repeat(32) + "." + "0".repeat(32))).json);
        settings.change(Map.of("userauthorization.allowlocalhostbypass", false));
        assertEquals(Map.of("error", INVALID), from("127.0.0.1").post("GetNewSession", Map.of(), Map.of()).json);
    }

    @Test
    public void loginSetsAnHttpOnlyCookieThatOpensSessionsOfThatUser() {
        String name = user("user", "correct horse");
        RawHttp.Reply r = from(RawHttp.randomLoopback()).post("Login",
                body("username", name.toUpperCase(), "password", prehash(name, "correct horse")), Map.of());
        assertEquals(Map.of("success", "true"), r.json);
        String header = r.setCookieHeader("swarm_token");
        assertTrue(header, header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Max-Age=31536000"));
        assertTrue(r.cookie("swarm_token").startsWith(java.util.HexFormat.of().formatHex(name.getBytes()) + "."));

        RawHttp.Reply s = from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of("Cookie", "swarm_token=" + r.cookie("swarm_token")));
        assertEquals(name, s.get("user_id"));
        List<?> perms = (List<?>) s.get("permissions");
        assertTrue(perms.contains("basic_image_generation") && !perms.contains("manage_users") && !perms.contains("*"));
        assertEquals("the cookie also wins on localhost", name, from("127.0.0.1").post("GetNewSession", Map.of(),
                Map.of("Cookie", "swarm_token=" + r.cookie("swarm_token"))).get("user_id"));
        assertEquals("browsers without WebCrypto let the server pre-hash", Map.of("success", "true"),
                from(RawHttp.randomLoopback()).post("Login", body("username", name,
                        "password", "__swarmdoprehash:swarmclientpw:" + name + ":correct horse"), Map.of()).json);
    }

    @Test
    public void loginNeedsNoUserAgent() {
        String name = user("user", "agentless pw");
        RawHttp.Reply bare = from(RawHttp.randomLoopback()).post("Login", body("username", name, "password", prehash(name, "agentless pw")), Map.of());
        assertEquals("RawHttp sends no User-Agent header at all", Map.of("success", "true"), bare.json);
        RawHttp.Reply odd = from(RawHttp.randomLoopback()).post("Login", body("username", name, "password", prehash(name, "agentless pw")),
                Map.of("User-Agent", "<script>alert(1)</script> (X11; \"q\")"));
        assertEquals(Map.of("success", "true"), odd.json);
    }

    @Test
    public void badLoginsGetInvalidLoginAndNoCookie() {
        String name = user("user", "correct horse");
        RawHttp client = from(RawHttp.randomLoopback());
        Map<String, Object> invalid = Map.of("error_id", "invalid_login");
        RawHttp.Reply wrong = client.post("Login", body("username", name, "password", prehash(name, "wrong horse")), Map.of());
        assertEquals(invalid, wrong.json);
        assertEquals(null, wrong.cookie("swarm_token"));
        assertEquals(invalid, client.post("Login", body("username", "nobody_here", "password", prehash("x", "y")), Map.of()).json);
        assertEquals(invalid, client.post("Login", body("username", "ab", "password", prehash("x", "y")), Map.of()).json);
        assertEquals(invalid, client.post("Login", body("username", name, "password", "short"), Map.of()).json);
        assertEquals("Missing required parameter 'password'", client.post("Login", body("username", name), Map.of()).get("error"));
        String noPassword = unique("it");
        users.create(noPassword, null, List.of("user"), true);
        created.add(noPassword);
        assertEquals(invalid, from(RawHttp.randomLoopback()).post("Login", body("username", noPassword, "password", prehash(noPassword, "")), Map.of()).json);
        settings.change(Map.of("userauthorization.allowsimplepasswordlogin", false));
        assertEquals(invalid, from(RawHttp.randomLoopback()).post("Login", body("username", name, "password", prehash(name, "correct horse")), Map.of()).json);
    }

    @Test
    public void aGuestLacksPermissionsForUserRoutes() {
        String name = user("guest", "guest password");
        String s = sessionFor(login(name, "guest password"));
        RawHttp.Reply denied = from(RawHttp.randomLoopback()).call(s, "AddNewPreset", body("title", "x", "description", "", "param_map", Map.of()), Map.of());
        assertEquals(400, denied.status);
        assertEquals(Map.of("error_id", "bad_permissions", "error", "You lack permissions for this route."), denied.json);
        assertEquals(200, from(RawHttp.randomLoopback()).call(s, "GetUserSettings", Map.of(), Map.of()).status);
        assertEquals(name, from(RawHttp.randomLoopback()).call(s, "GetMyUserData", Map.of(), Map.of()).get("user_name"));
    }

    @Test
    public void logoutEndsEverySessionAndTokenOfTheUser() {
        String name = user("user", "logout password");
        String cookieA = login(name, "logout password");
        String cookieB = login(name, "logout password");
        List<String> sessions = List.of(sessionFor(cookieA), sessionFor(cookieA), sessionFor(cookieB));
        RawHttp.Reply out = from(RawHttp.randomLoopback()).call(sessions.get(0), "Logout", Map.of(), Map.of("Cookie", cookieA));
        assertEquals(Map.of("success", "true"), out.json);
        String expired = out.setCookieHeader("swarm_token");
        assertTrue(expired, expired.startsWith("swarm_token=;") && expired.contains("Expires=Thu, 01 Jan 1970"));
        for (String s : sessions) {
            assertEquals(401, api().call(s, "GetMyUserData", Map.of()).status);
        }
        for (String cookie : List.of(cookieA, cookieB)) {
            assertEquals(Map.of("error", INVALID), from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of("Cookie", cookie)).json);
        }
        String local = from("127.0.0.1").post("GetNewSession", Map.of(), Map.of()).get("session_id").toString();
        assertEquals("You do not appear to be actually logged in. How'd you get here?", api().call(local, "Logout", Map.of()).get("error"));
    }

    @Test
    public void changingThePasswordChecksTheOldOneAndEndsEverySession() {
        String name = user("user", "old password");
        String cookie = login(name, "old password");
        String s = sessionFor(cookie);
        String other = sessionFor(login(name, "old password"));
        assertEquals("Incorrect old password. Refused.", api().call(s, "ChangePassword",
                body("oldPassword", prehash(name, "not it"), "newPassword", prehash(name, "new password"))).get("error"));
        assertEquals("New password must be at least 8 characters long.", api().call(s, "ChangePassword",
                body("oldPassword", prehash(name, "old password"), "newPassword", "short")).get("error"));
        assertEquals("New password is too long.", api().call(s, "ChangePassword",
                body("oldPassword", prehash(name, "old password"), "newPassword", "x".repeat(501))).get("error"));
        assertEquals(Map.of("success", true), api().call(s, "ChangePassword",
                body("oldPassword", prehash(name, "old password"), "newPassword", prehash(name, "new password"))).json);
        assertFalse(users.passwordSetByAdmin(name));
        assertEquals(401, api().call(s, "GetMyUserData", Map.of()).status);
        assertEquals(401, api().call(other, "GetMyUserData", Map.of()).status);
        assertEquals(Map.of("error", INVALID), from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of("Cookie", cookie)).json);
        assertEquals(Map.of("error_id", "invalid_login"), from(RawHttp.randomLoopback()).post("Login",
                body("username", name, "password", prehash(name, "old password")), Map.of()).json);
        sessionFor(login(name, "new password"));
    }

    @Test
    public void turningLoginOnEndsSessionsItNoLongerAllows() {
        String name = user("user", "keep me in");
        String loggedIn = sessionFor(login(name, "keep me in"));
        settings.change(Map.of("userauthorization.authorizationrequired", false));
        String remote = from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of()).get("session_id").toString();
        String local = from("127.0.0.1").post("GetNewSession", Map.of(), Map.of()).get("session_id").toString();
        settings.change(Map.of("userauthorization.authorizationrequired", true));
        assertEquals(401, api().call(remote, "GetCurrentStatus", Map.of()).status);
        // Opened from loopback: the bypass keeps it working as the local user.
        assertEquals(200, api().call(local, "GetCurrentStatus", Map.of()).status);
        String bypass = from("127.0.0.1").post("GetNewSession", Map.of(), Map.of()).get("session_id").toString();
        assertEquals(200, api().call(bypass, "GetCurrentStatus", Map.of()).status);
        settings.change(Map.of("userauthorization.allowlocalhostbypass", false));
        assertEquals(401, api().call(bypass, "GetCurrentStatus", Map.of()).status);
        assertEquals(401, api().call(local, "GetCurrentStatus", Map.of()).status);
        assertEquals(200, api().call(loggedIn, "GetCurrentStatus", Map.of()).status);
    }

    @Test
    public void interruptAllNeverReachesAnotherUsersSessions() {
        String ann = user("user", "ann's pw");
        String bob = user("user", "bob's pw");
        String annCookie = login(ann, "ann's pw");
        String annHere = sessionFor(annCookie);
        String annThere = sessionFor(annCookie);
        String bobs = sessionFor(login(bob, "bob's pw"));
        InterruptToken annOther = sessionService.find(annThere).orElseThrow().interruptToken();
        InterruptToken bobToken = sessionService.find(bobs).orElseThrow().interruptToken();
        assertEquals(Map.of("success", true), api().call(annHere, "InterruptAll", Map.of("other_sessions", true)).json);
        assertTrue("the same user's other session is interrupted", annOther.isInterrupted());
        assertFalse("another user's session is not", bobToken.isInterrupted());
    }
}
