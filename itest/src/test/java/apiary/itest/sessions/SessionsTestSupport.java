package apiary.itest.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import javax.inject.Inject;

import apiary.core.api.session.SessionService;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.user.RoleStore;
import apiary.core.api.user.UserDirectory;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;

/** Shared helpers for the core.sessions integration tests that run inside the Pax Exam suite. */
public abstract class SessionsTestSupport extends ApiaryTestSupport {
    @Inject
    protected ServerSettings settings;

    @Inject
    protected UserDirectory users;

    @Inject
    protected RoleStore roles;

    @Inject
    protected SessionService sessionService;

    /** @return what SwarmUI's browser code sends as the password: hex SHA-256 of {@code swarmclientpw:user:pw} */
    public static String prehash(String user, String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("swarmclientpw:" + user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a key/value map from alternating arguments */
    public static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** @return a name no other test uses, lower case letters and digits */
    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    /** @return a raw client connecting from the given loopback address */
    protected RawHttp from(String sourceAddress) {
        return new RawHttp(server.port(), sourceAddress);
    }

    /** @return a new session of the local user (local mode, or the localhost bypass) */
    protected String localSession() {
        return api().newSession();
    }

    /** Calls a route with the local session and asserts HTTP 200. */
    protected Api.Reply ok(String session, String route, Map<String, ?> body) {
        Api.Reply r = api().call(session, route, body);
        if (r.status != 200) {
            throw new AssertionError(route + " answered " + r);
        }
        return r;
    }
}
