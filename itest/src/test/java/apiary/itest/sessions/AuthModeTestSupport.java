package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;

/**
 * Login-required mode for a test: switched on before, and every auth setting restored and every created user deleted
 * after, so the shared suite continues in local mode.
 */
public abstract class AuthModeTestSupport extends SessionsTestSupport {
    protected static final String INVALID = "Invalid or unauthorized.";

    protected final List<String> created = new ArrayList<>();

    @Before
    public void enableAuth() {
        settings.change(Map.of("userauthorization.authorizationrequired", true));
    }

    @After
    public void restore() {
        settings.change(Map.of("userauthorization.authorizationrequired", false, "userauthorization.allowlocalhostbypass", true,
                "userauthorization.allowsimplepasswordlogin", true));
        created.forEach(users::delete);
    }

    /** Creates a user whose browser password is {@code pw}; returns its name. */
    protected String user(String role, String pw) {
        String name = unique("it");
        users.create(name, prehash(name, pw), List.of(role), true);
        created.add(name);
        return name;
    }

    /** Logs in from a fresh address and returns the cookie header value. */
    protected String login(String name, String pw) {
        RawHttp.Reply r = from(RawHttp.randomLoopback()).post("Login", body("username", name, "password", prehash(name, pw)), Map.of());
        assertEquals(r.toString(), Map.of("success", "true"), r.json);
        return "swarm_token=" + r.cookie("swarm_token");
    }

    protected String sessionFor(String cookie) {
        RawHttp.Reply r = from(RawHttp.randomLoopback()).post("GetNewSession", Map.of(), Map.of("Cookie", cookie));
        assertNotNull(r.toString(), r.get("session_id"));
        return (String) r.get("session_id");
    }

}
