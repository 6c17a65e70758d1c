package apiary.core.sessions.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.sessions.internal.db.Sql;
import apiary.core.sessions.internal.db.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginTokensTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private Sql sql;
    private LoginTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        sql = TestDatabase.create();
        for (String user : new String[] {"alice", "bob"}) {
            sql.update("INSERT INTO acct_users (user_id, password_hash, password_set_by_admin, created_millis) VALUES (?, '', FALSE, 0)", user);
        }
        tokens = new LoginTokens(sql, now::get);
    }

    @Test
    void cookieHasSwarmUIFormatAndValidates() {
        String cookie = tokens.create("alice", "1.2.3.4", "Agent");
        assertTrue(cookie.matches("616c696365\\.[0-9a-f]{32}\\.[0-9a-f]{32}"), cookie);
        Optional<LoginTokens.Token> t = tokens.validate(cookie);
        assertEquals("alice", t.orElseThrow().userId());
        assertEquals(cookie.split("\\.")[1], t.get().id());
    }

    @Test
    void forgedOrMismatchedCookiesAreRefused() {
        String cookie = tokens.create("alice", "", "");
        String[] p = cookie.split("\\.");
        assertTrue(tokens.validate(p[0] + "." + p[1] + "." + "0".repeat(32)).isEmpty(), "wrong secret");
        assertTrue(tokens.validate("626f62." + p[1] + "." + p[2]).isEmpty(), "another user's name");
        assertTrue(tokens.validate("zz." + p[1] + "." + p[2]).isEmpty(), "not hex");
        assertTrue(tokens.validate(cookie + ".x").isEmpty(), "four parts");
        assertTrue(tokens.validate("short").isEmpty());
        assertTrue(tokens.validate(null).isEmpty());
    }

    @Test
    void onlyAHashOfTheSecretIsStored() {
        String cookie = tokens.create("alice", "", "");
        String secret = cookie.split("\\.")[2];
        String stored = sql.queryOne("SELECT validation_hash FROM acct_login_tokens", rs -> rs.getString(1)).orElseThrow();
        assertTrue(!stored.contains(secret) && stored.length() == 64);
    }

    @Test
    void logoutDeletesEveryTokenOfTheUserAndExpiryPurges() {
        String a1 = tokens.create("alice", "", "");
        String a2 = tokens.create("alice", "", "");
        String b = tokens.create("bob", "", "");
        tokens.deleteAllOf("alice");
        assertTrue(tokens.validate(a1).isEmpty() && tokens.validate(a2).isEmpty());
        assertTrue(tokens.validate(b).isPresent());
        now.addAndGet(LoginTokens.LIFETIME_SECONDS * 1000 + 1);
        assertEquals(Set.of(b.split("\\.")[1]), tokens.purgeExpired());
        assertTrue(tokens.validate(b).isEmpty());
    }
}
