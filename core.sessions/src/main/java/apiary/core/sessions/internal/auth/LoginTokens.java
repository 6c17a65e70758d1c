package apiary.core.sessions.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

import apiary.core.sessions.internal.db.Sql;

/**
 * Login tokens: the value of the {@code swarm_token} cookie, {@code <hex(userId)>.<tokenId>.<secret>} (lowercase
 * hex, 128-bit id and secret), as SwarmUI formats it. Only a SHA-256 of the secret is stored; the secret is random, so
 * no slow hash is needed. Unlike SwarmUI, tokens expire after a year without use and are deleted on logout and on a
 * password change.
 */
public final class LoginTokens {
    /** The cookie that carries a token. */
    public static final String COOKIE = "swarm_token";
    /** Cookie lifetime and idle expiry: one year. */
    public static final long LIFETIME_SECONDS = 365L * 24 * 3600;
    private static final long REFRESH_AFTER_MILLIS = 60_000;

    /** A validated token. */
    public record Token(String id, String userId) {
    }

    private final Sql sql;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final HexFormat hex = HexFormat.of();

    /**
     * @param sql the account tables
     * @param clock milliseconds now
     */
    public LoginTokens(Sql sql, LongSupplier clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Creates and stores a token.
     *
     * @return the full cookie value
     */
    public String create(String userId, String originAddress, String userAgent) {
        String id = randomHex();
        String secret = randomHex();
        long now = clock.getAsLong();
        sql.update("INSERT INTO acct_login_tokens (token_id, user_id, validation_hash, origin_address, user_agent, "
                + "created_millis, last_active_millis) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, userId, sha256(secret), cut(originAddress, 256), cut(userAgent, 1024), now, now);
        return hex.formatHex(userId.getBytes(StandardCharsets.UTF_8)) + "." + id + "." + secret;
    }

    /**
     * @param cookie a cookie value as sent
     * @return the token, if the value is well formed, stored, unexpired and its secret matches
     */
    public Optional<Token> validate(String cookie) {
        if (cookie == null || cookie.length() < 10 || cookie.length() > 1000) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String userId;
        try {
            userId = new String(hex.parseHex(parts[0]), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        Optional<String[]> row = sql.queryOne("SELECT user_id, validation_hash, last_active_millis FROM acct_login_tokens "
                + "WHERE token_id = ?", rs -> new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3))},
                parts[1]);
        if (row.isEmpty() || !row.get()[0].equals(userId)
                || !MessageDigest.isEqual(sha256(parts[2]).getBytes(StandardCharsets.UTF_8),
                        row.get()[1].getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        long lastActive = Long.parseLong(row.get()[2]);
        if (now - lastActive > LIFETIME_SECONDS * 1000) {
            sql.update("DELETE FROM acct_login_tokens WHERE token_id = ?", parts[1]);
            return Optional.empty();
        }
        if (now - lastActive > REFRESH_AFTER_MILLIS) {
            sql.update("UPDATE acct_login_tokens SET last_active_millis = ? WHERE token_id = ?", now, parts[1]);
        }
        return Optional.of(new Token(parts[1], userId));
    }

    /** Deletes every token of a user (their sessions go with them, by foreign key). */
    public void deleteAllOf(String userId) {
        sql.update("DELETE FROM acct_login_tokens WHERE user_id = ?", userId);
    }

    /** @return the ids of the tokens deleted because they had not been used for a year */
    public Set<String> purgeExpired() {
        long cutoff = clock.getAsLong() - LIFETIME_SECONDS * 1000;
        List<String> ids = sql.query("SELECT token_id FROM acct_login_tokens WHERE last_active_millis < ?",
                rs -> rs.getString(1), cutoff);
        for (String id : ids) {
            sql.update("DELETE FROM acct_login_tokens WHERE token_id = ?", id);
        }
        return new HashSet<>(ids);
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return hex.formatHex(bytes);
    }

    private String sha256(String text) {
        try {
            return hex.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String cut(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
