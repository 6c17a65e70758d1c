package apiary.core.sessions.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void storesPbkdf2WithSixHundredThousandIterationsAndRandomSalt() {
        String a = hasher.hash("secret-password");
        String b = hasher.hash("secret-password");
        assertTrue(a.startsWith("pbkdf2-sha256$600000$"), a);
        assertNotEquals(a, b, "each hash has its own salt");
        assertTrue(hasher.verify("secret-password", a));
        assertTrue(hasher.verify("secret-password", b));
        assertFalse(hasher.verify("secret-passwore", a));
    }

    @Test
    void nothingStoredNeverMatches() {
        assertFalse(hasher.verify("", ""));
        assertFalse(hasher.verify("anything", ""));
        assertFalse(hasher.verify("anything", "pbkdf2-sha256$x$y$z"));
    }

    @Test
    void serverSidePrehashEqualsWhatABrowserSends() throws Exception {
        String browser = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("swarmclientpw:Alice:hunter22".getBytes(StandardCharsets.UTF_8)));
        assertEquals(browser, PasswordHasher.normalize("__swarmdoprehash:swarmclientpw:Alice:hunter22"));
        assertEquals(browser, PasswordHasher.normalize(browser));
    }
}
