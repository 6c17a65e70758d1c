package apiary.backend.swarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SwarmSettingsTest {
    @Test
    void headersAreTheAuthorizationPlusTheOtherLines() {
        SwarmSettings s = new SwarmSettings(Map.of("Address", "http://h:7801/", "AuthorizationHeader", " Bearer x ",
                "OtherHeaders", "Cookie: swarm_token=abc\r\n\nX-Extra:  two words \n", "ConnectionAttemptTimeoutSeconds", 7L));
        assertEquals(Map.of("Authorization", "Bearer x", "Cookie", "swarm_token=abc", "X-Extra", "two words"), s.headers());
        assertEquals("http://h:7801", s.address());
        assertEquals(Duration.ofSeconds(7), s.timeout());
    }

    @Test
    void badAddressesAndHeaderLinesAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SwarmSettings(Map.of("Address", "")).address())
                .getMessage().contains("No Address"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SwarmSettings(Map.of("Address", "ftp://x")).address())
                .getMessage().contains("http://"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SwarmSettings(Map.of("Address", "http://a b")).address())
                .getMessage().contains("not a valid URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new SwarmSettings(Map.of("OtherHeaders", "no colon")).headers())
                .getMessage().contains("'no colon'"));
        assertThrows(IllegalArgumentException.class, () -> new SwarmSettings(Map.of("OtherHeaders", "Bad Name: v")).headers());
    }
}
