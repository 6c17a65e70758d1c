package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

/**
 * Login rate limits: 5 logins a minute per address; a name with 15 failures in a minute refuses the addresses that
 * failed for it (not the others); 5 password changes per user.
 */
public class RateLimitIT extends AuthModeTestSupport {
    private static final Map<String, Object> INVALID_LOGIN = Map.of("error_id", "invalid_login");
    private static final Map<String, Object> RATELIMIT = Map.of("error_id", "ratelimit");

    private Map<String, Object> tryLogin(RawHttp client, String name, Map<String, String> headers) {
        return client.post("Login", body("username", name, "password", prehash(name, "wrong password")), headers).json;
    }

    @Test
    public void fiveLoginsPerAddressAndForwardingHeadersDoNotHelp() {
        RawHttp client = from(RawHttp.randomLoopback());
        for (int i = 0; i < 5; i++) {
            assertEquals("attempt " + i, INVALID_LOGIN, tryLogin(client, unique("nobody"), Map.of()));
        }
        assertEquals(RATELIMIT, tryLogin(client, unique("nobody"), Map.of()));
        assertEquals("a forged X-Forwarded-For is not a new caller", RATELIMIT,
                tryLogin(client, unique("nobody"), Map.of("X-Forwarded-For", RawHttp.randomLoopback())));
        assertEquals("other addresses are not affected", INVALID_LOGIN, tryLogin(from(RawHttp.randomLoopback()), unique("nobody"), Map.of()));
    }

    @Test
    public void aNameUnderAttackStillLetsInAnAddressThatHasNotFailed() {
        String name = user("user", "the real password");
        for (int client = 0; client < 3; client++) {
            RawHttp from = from(RawHttp.randomLoopback());
            for (int i = 0; i < 5; i++) {
                assertEquals(INVALID_LOGIN, tryLogin(from, name, Map.of()));
            }
        }
        // 15 failures this minute: the name is under attack. (SwarmUI then refused everyone, the owner included.)
        assertEquals("the right password from an address that has not failed gets in", Map.of("success", "true"),
                from(RawHttp.randomLoopback()).post("Login", body("username", name, "password",
                        prehash(name, "the real password")), Map.of("User-Agent", "itest")).json);
        RawHttp fresh = from(RawHttp.randomLoopback());
        assertEquals("a fresh address may try once", INVALID_LOGIN, tryLogin(fresh, name, Map.of()));
        assertEquals("having failed, it waits while the attack lasts", RATELIMIT, fresh.post("Login",
                body("username", name, "password", prehash(name, "the real password")), Map.of()).json);
        assertEquals("other names are not affected", INVALID_LOGIN, tryLogin(fresh, unique("nobody"), Map.of()));
    }

    @Test
    public void fivePasswordChangesPerUser() {
        String name = user("user", "first password");
        String s = sessionFor(login(name, "first password"));
        for (int i = 0; i < 5; i++) {
            assertEquals("Incorrect old password. Refused.", api().call(s, "ChangePassword",
                    body("oldPassword", prehash(name, "guess " + i), "newPassword", prehash(name, "second password"))).get("error"));
        }
        assertEquals("Rate-limit hit, you're trying to change password too quickly. Wait a minute before trying again.",
                api().call(s, "ChangePassword", body("oldPassword", prehash(name, "first password"),
                        "newPassword", prehash(name, "second password"))).get("error"));
    }
}
