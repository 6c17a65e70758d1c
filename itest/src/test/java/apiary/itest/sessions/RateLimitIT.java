package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;

import java.util.Map;

import org.junit.Test;

/** SwarmUI's rate limits: 5 logins a minute per address, 15 per user name, 5 password changes per user. */
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
    public void fifteenLoginsPerUserNameEvenFromManyAddresses() {
        String name = user("user", "the real password");
        for (int client = 0; client < 3; client++) {
            RawHttp from = from(RawHttp.randomLoopback());
            for (int i = 0; i < 5; i++) {
                assertEquals(INVALID_LOGIN, tryLogin(from, name, Map.of()));
            }
        }
        assertEquals(RATELIMIT, tryLogin(from(RawHttp.randomLoopback()), name, Map.of()));
        assertEquals("even the right password waits", RATELIMIT, from(RawHttp.randomLoopback()).post("Login",
                body("username", name, "password", prehash(name, "the real password")), Map.of()).json);
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
