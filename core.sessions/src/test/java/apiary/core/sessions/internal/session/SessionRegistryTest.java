package apiary.core.sessions.internal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.sessions.internal.account.TestUsers;
import apiary.core.sessions.internal.account.UserImpl;
import apiary.core.sessions.internal.db.Sql;
import apiary.core.sessions.internal.db.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session limits (per user and in total, the longest idle ended first) and the expiry purge, on a real H2. */
class SessionRegistryTest {
    private static final long IDLE = 60_000;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final Map<String, UserImpl> users = new HashMap<>();
    private Sql sql;

    @BeforeEach
    void setUp() throws Exception {
        sql = TestDatabase.create();
        for (String id : List.of("a", "b", "c")) {
            users.put(id, TestUsers.of(id));
            sql.update("INSERT INTO acct_users (user_id, password_hash, password_set_by_admin, created_millis) VALUES (?, '', FALSE, 0)", id);
        }
    }

    private SessionRegistry registry(int perUser, int total) {
        return new SessionRegistry(sql, id -> Optional.ofNullable(users.get(id)), IDLE, clock::get, perUser, total);
    }

    private long rows(String where) {
        return sql.queryOne("SELECT COUNT(*) FROM acct_sessions" + where, rs -> rs.getLong(1)).orElse(0L);
    }

    private boolean alive(SessionRegistry r, SessionImpl s) {
        return r.find(s.id(), x -> true).isPresent();
    }

    @Test
    void beyondTheTotalLimitTheLongestIdleSessionsOfAnyUserEnd() {
        SessionRegistry r = registry(100, 5);
        List<SessionImpl> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(1000);
            opened.add(r.create(users.get(i % 2 == 0 ? "a" : "b"), "127.0.0.1", null));
        }
        clock.addAndGet(1000);
        assertTrue(alive(r, opened.get(0)), "the oldest, used now, is no longer the longest idle");
        clock.addAndGet(1000);
        SessionImpl sixth = r.create(users.get("c"), "127.0.0.1", null);
        SessionImpl seventh = r.create(users.get("c"), "127.0.0.1", null);

        assertEquals(5, rows(""), "the server keeps at most 5");
        assertEquals(5, r.live().size());
        assertTrue(alive(r, opened.get(0)));
        assertFalse(alive(r, opened.get(1)), "the longest idle ended first");
        assertFalse(alive(r, opened.get(2)));
        assertTrue(alive(r, opened.get(3)));
        assertTrue(alive(r, sixth));
        assertTrue(alive(r, seventh));
        assertEquals(2, r.takeEnded());
        assertEquals(0, r.takeEnded());
    }

    @Test
    void beyondItsOwnLimitAUserLosesItsLongestIdleSessionsAndOthersKeepTheirs() {
        SessionRegistry r = registry(3, 1000);
        SessionImpl other = r.create(users.get("b"), "127.0.0.1", null);
        List<SessionImpl> mine = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            clock.addAndGet(1000);
            mine.add(r.create(users.get("a"), "127.0.0.1", null));
        }
        assertEquals(3, rows(" WHERE user_id = 'a'"));
        assertEquals(List.of(false, false, false, true, true, true), mine.stream().map(s -> alive(r, s)).toList());
        assertTrue(alive(r, other), "another user's session is not counted against this one's limit");
    }

    @Test
    void theSweepDeletesExpiredRowsAndOnlyThose() {
        SessionRegistry r = registry(100, 1000);
        SessionImpl old = r.create(users.get("a"), "127.0.0.1", null);
        clock.addAndGet(IDLE / 2);
        SessionImpl recent = r.create(users.get("b"), "127.0.0.1", null);
        clock.addAndGet(IDLE / 2 + 1);

        assertEquals(1, r.sweep());
        assertEquals(1, rows(""));
        assertEquals(1, rows(" WHERE session_id = '" + recent.id() + "'"));
        assertFalse(r.live().contains(old));
        assertFalse(alive(registry(100, 1000), old), "an expired row is gone, so no restart revives it");
        assertEquals(1, r.takeEnded());
    }

    @Test
    void endingSessionsWithoutTokenKeepsTheGivenOriginsAndLoginSessions() {
        SessionRegistry r = registry(100, 1000);
        SessionImpl local = r.create(users.get("a"), "127.0.0.1", null);
        SessionImpl remote = r.create(users.get("a"), "10.0.0.7", null);
        SessionImpl proxied = r.create(users.get("a"), "127.0.0.1 (via 10.0.0.7)", null);
        sql.update("INSERT INTO acct_login_tokens (token_id, user_id, validation_hash, origin_address, user_agent, "
                + "created_millis, last_active_millis) VALUES ('t1', 'b', '', '10.0.0.8', '', 0, 0)");
        SessionImpl loggedIn = r.create(users.get("b"), "10.0.0.8", "t1");

        assertEquals(2, r.endWithoutToken(Set.of("127.0.0.1", "::1")));
        assertTrue(alive(r, local));
        assertTrue(alive(r, loggedIn));
        assertFalse(alive(r, remote));
        assertFalse(alive(r, proxied), "a forwarded loopback connection is not the bypass");
        assertEquals(2, rows(""));

        assertEquals(1, r.endWithoutToken(Set.of()));
        assertFalse(alive(r, local));
        assertTrue(alive(r, loggedIn));
    }
}
