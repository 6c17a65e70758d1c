package apiary.core.sessions.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password storage: PBKDF2-HMAC-SHA256 with 600,000 iterations and a 16-byte random salt over exactly what the client
 * sends (SwarmUI's client pre-hash), stored as {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. Checks
 * compare in constant time; a check against no stored password still spends the time of a real one, so answer times
 * do not tell which accounts exist.
 */
public final class PasswordHasher {
    /** OWASP's 2023 floor for PBKDF2-HMAC-SHA256. */
    static final int ITERATIONS = 600_000;
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** SwarmUI's UI sends this prefix when the browser lacks WebCrypto, leaving the pre-hash to the server. */
    private static final String SERVER_PREHASH = "__swarmdoprehash:";
    /** Keeps the equalising hash of {@link #verify} observable, so the JIT cannot drop it as dead code. */
    private static volatile String timingSink;

    private final SecureRandom random = new SecureRandom();

    /**
     * SwarmUI's client pre-hash convention: a value starting {@code __swarmdoprehash:} is replaced by the lowercase
     * hex SHA-256 of the rest, which is what a WebCrypto browser would have sent.
     *
     * @param sent the password field as received
     * @return the value to hash or verify
     */
    public static String normalize(String sent) {
        if (sent == null || !sent.startsWith(SERVER_PREHASH)) {
            return sent;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sent.substring(SERVER_PREHASH.length()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * @param password the client's value (after {@link #normalize})
     * @return the storage form
     */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hashWith(salt, ITERATIONS, password);
    }

    /**
     * @param password the client's value (after {@link #normalize})
     * @param stored the storage form, or empty for "no password"
     * @return whether they match; always false for an empty or unreadable stored value
     */
    public boolean verify(String password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            // Spend the time of a real check. (Not precomputed: 600,000 iterations at start-up cost half a second.)
            timingSink = hashWith(new byte[SALT_BYTES], ITERATIONS, password == null ? "" : password);
            return false;
        }
        int iterations;
        byte[] salt;
        try {
            iterations = Integer.parseInt(parts[1]);
            salt = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String again = hashWith(salt, iterations, password);
        return MessageDigest.isEqual(again.getBytes(StandardCharsets.UTF_8), stored.getBytes(StandardCharsets.UTF_8));
    }

    private static String hashWith(byte[] salt, int iterations, String password) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            Base64.Encoder b64 = Base64.getEncoder();
            return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JVM", e);
        }
    }
}
