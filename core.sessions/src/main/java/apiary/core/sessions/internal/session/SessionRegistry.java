package apiary.core.sessions.internal.session;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import apiary.core.sessions.internal.account.UserImpl;
import apiary.core.sessions.internal.db.Sql;

/**
 * Live sessions in memory, backed by {@code acct_sessions} so that they survive a restart. Ids are 160 random bits
 * as 40 lowercase hex characters. A session expires after a fixed idle time, checked on every lookup in memory and
 * swept from the database; a session unknown in memory is revived from its row if it has not expired, its user still
 * exists and its login token (if it came from one) is still there (the row is deleted with the token).
 */
public final class SessionRegistry {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{40}");
    /** Sessions one user may have by default; beyond, the longest idle are ended (every local-mode client is "local"). */
    public static final int MAX_PER_USER = 1000;
    /** Sessions the server keeps in all by default; beyond, the longest idle are ended. */
    public static final int MAX_TOTAL = 50_000;
    /** Extra rows looked at when choosing whom to end, for sessions whose stored activity time is behind. */
    private static final int CANDIDATES = 100;

    private final Sql sql;
    private final Function<String, Optional<UserImpl>> users;
    private final long idleMillis;
    private final long refreshMillis;
    private final LongSupplier clock;
    private final int maxPerUser;
    private final int maxTotal;
    private final Map<String, SessionImpl> live = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong ended = new java.util.concurrent.atomic.AtomicLong();
    private final SecureRandom random = new SecureRandom();
    /** Keeps a revival from resurrecting a session that is being ended at the same moment. */
    private final Object revivalLock = new Object();

    /**
     * @param sql the account tables
     * @param users finds a user by id
     * @param idleMillis how long a session lives without being used
     * @param clock milliseconds now
     */
    public SessionRegistry(Sql sql, Function<String, Optional<UserImpl>> users, long idleMillis, LongSupplier clock) {
        this(sql, users, idleMillis, clock, MAX_PER_USER, MAX_TOTAL);
    }

    /**
     * @param sql the account tables
     * @param users finds a user by id
     * @param idleMillis how long a session lives without being used
     * @param clock milliseconds now
     * @param maxPerUser sessions one user may have
     * @param maxTotal sessions the server keeps in all
     */
    public SessionRegistry(Sql sql, Function<String, Optional<UserImpl>> users, long idleMillis, LongSupplier clock,
            int maxPerUser, int maxTotal) {
        this.maxPerUser = maxPerUser;
        this.maxTotal = maxTotal;
        this.sql = sql;
        this.users = users;
        this.idleMillis = idleMillis;
        this.refreshMillis = Math.max(1, Math.min(60_000, idleMillis / 4));
        this.clock = clock;
    }

    /** Creates and stores a session. */
    public SessionImpl create(UserImpl user, String originAddress, String tokenId) {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        long now = clock.getAsLong();
        sql.update("INSERT INTO acct_sessions (session_id, user_id, origin_address, origin_token, created_millis, "
                + "last_active_millis) VALUES (?, ?, ?, ?, ?, ?)", id, user.id(), originAddress, tokenId, now, now);
        SessionImpl session = new SessionImpl(id, user, originAddress, tokenId, now);
        live.put(id, session);
        bound(user.id());
        return session;
    }

    /**
     * Ends the longest idle sessions beyond the per-user and the total limit, so that
     * clients that open a session per call (40,000 GetNewSession calls made 878 MB of database) cannot grow the
     * database and the memory without bound.
     */
    private void bound(String userId) {
        long mine = sql.queryOne("SELECT COUNT(*) FROM acct_sessions WHERE user_id = ?", rs -> rs.getLong(1), userId).orElse(0L);
        if (mine > maxPerUser) {
            endOldest(mine - maxPerUser, "SELECT session_id, last_active_millis FROM acct_sessions WHERE user_id = ? "
                    + "ORDER BY last_active_millis, created_millis FETCH FIRST " + (mine - maxPerUser + CANDIDATES) + " ROWS ONLY", userId);
        }
        long all = sql.queryOne("SELECT COUNT(*) FROM acct_sessions", rs -> rs.getLong(1)).orElse(0L);
        if (all > maxTotal) {
            endOldest(all - maxTotal, "SELECT session_id, last_active_millis FROM acct_sessions "
                    + "ORDER BY last_active_millis, created_millis FETCH FIRST " + (all - maxTotal + CANDIDATES) + " ROWS ONLY");
        }
    }

    /**
     * Ends the {@code count} longest idle of the candidates the query finds. The stored activity time is refreshed
     * only now and then, so a session in use here may look idle in the table; its time in memory decides.
     */
    private void endOldest(long count, String query, Object... params) {
        List<Object[]> candidates = new java.util.ArrayList<>(sql.query(query,
                rs -> new Object[] {rs.getString(1), rs.getLong(2)}, params));
        for (Object[] c : candidates) {
            SessionImpl s = live.get((String) c[0]);
            if (s != null) {
                c[1] = Math.max((Long) c[1], s.lastActiveMillis());
            }
        }
        candidates.sort(java.util.Comparator.comparingLong(c -> (Long) c[1]));
        for (Object[] c : candidates.subList(0, (int) Math.min(count, candidates.size()))) {
            String id = (String) c[0];
            synchronized (revivalLock) {
                live.remove(id);
                ended.addAndGet(sql.update("DELETE FROM acct_sessions WHERE session_id = ?", id));
            }
        }
    }

    /**
     * @param id a session id as sent
     * @param allowed whether the current auth settings still accept this session; a refused one is ended
     * @return the live session, revived from the database if needed
     */
    public Optional<SessionImpl> find(String id, Predicate<SessionImpl> allowed) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        SessionImpl session = live.get(id);
        if (session == null) {
            session = revive(id, now);
        }
        if (session == null) {
            return Optional.empty();
        }
        if (now - session.lastActiveMillis() > idleMillis || !allowed.test(session)) {
            end(session);
            return Optional.empty();
        }
        session.active(now);
        if (now - session.storedActiveMillis() >= refreshMillis) {
            sql.update("UPDATE acct_sessions SET last_active_millis = ? WHERE session_id = ?", now, id);
            session.stored(now);
        }
        return Optional.of(session);
    }

    private SessionImpl revive(String id, long now) {
        Optional<String[]> row = sql.queryOne("SELECT user_id, origin_address, origin_token, last_active_millis "
                + "FROM acct_sessions WHERE session_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getLong(4))}, id);
        if (row.isEmpty()) {
            return null;
        }
        String[] r = row.get();
        Optional<UserImpl> user = users.apply(r[0]);
        if (user.isEmpty() || now - Long.parseLong(r[3]) > idleMillis) {
            sql.update("DELETE FROM acct_sessions WHERE session_id = ?", id);
            return null;
        }
        synchronized (revivalLock) {
            if (sql.queryOne("SELECT 1 FROM acct_sessions WHERE session_id = ?", rs -> 1, id).isEmpty()) {
                return null;
            }
            SessionImpl revived = new SessionImpl(id, user.get(), r[1], r[2], Long.parseLong(r[3]));
            SessionImpl raced = live.putIfAbsent(id, revived);
            return raced != null ? raced : revived;
        }
    }

    /** @return the sessions held in memory */
    public Collection<SessionImpl> live() {
        return List.copyOf(live.values());
    }

    /** @return the in-memory sessions of one user */
    public List<SessionImpl> ofUser(String userId) {
        return live.values().stream().filter(s -> s.user().id().equals(userId)).toList();
    }

    /** Ends one session, in memory and in the database. */
    public void end(SessionImpl session) {
        live.remove(session.id());
        sql.update("DELETE FROM acct_sessions WHERE session_id = ?", session.id());
    }

    /** Ends every session of a user, in memory and in the database. */
    public void endAllOf(String userId) {
        synchronized (revivalLock) {
            sql.update("DELETE FROM acct_sessions WHERE user_id = ?", userId);
            live.values().removeIf(s -> s.user().id().equals(userId));
        }
    }

    /**
     * Ends every session that did not come from a login token, in memory and in the database, except those opened from
     * one of the given origin addresses (the localhost bypass would hand those callers the same user again).
     *
     * @param keptOrigins origin addresses whose sessions stay
     * @return how many rows were deleted
     */
    public int endWithoutToken(Set<String> keptOrigins) {
        synchronized (revivalLock) {
            String where = "origin_token IS NULL";
            Object[] params = keptOrigins.toArray();
            if (params.length > 0) {
                where += " AND origin_address NOT IN (" + String.join(", ", Collections.nCopies(params.length, "?")) + ")";
            }
            int rows = sql.update("DELETE FROM acct_sessions WHERE " + where, params);
            live.values().removeIf(s -> s.originToken() == null && !keptOrigins.contains(s.originAddress()));
            return rows;
        }
    }

    /** Forgets the in-memory sessions of deleted login tokens (their rows went with the tokens). */
    public void forgetTokens(Set<String> tokenIds) {
        if (!tokenIds.isEmpty()) {
            synchronized (revivalLock) {
                live.values().removeIf(s -> s.originToken() != null && tokenIds.contains(s.originToken()));
            }
        }
    }

    /** Removes expired sessions from memory and from the database. @return how many rows were deleted */
    public int sweep() {
        long cutoff = clock.getAsLong() - idleMillis;
        live.values().removeIf(s -> s.lastActiveMillis() < cutoff);
        int rows = sql.update("DELETE FROM acct_sessions WHERE last_active_millis < ?", cutoff);
        ended.addAndGet(rows);
        return rows;
    }

    /** @return how many session rows the limits and the expiry deleted since the last call */
    public long takeEnded() {
        return ended.getAndSet(0);
    }
}
