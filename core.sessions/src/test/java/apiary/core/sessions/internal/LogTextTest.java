package apiary.core.sessions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void controlCharactersCannotStartANewLogLine() {
        assertEquals("a\\nb\\r\\u0007c é", LogText.oneLine("a\nb\r\u0007c é"));
        String cut = LogText.oneLine("x".repeat(20_000));
        assertTrue(cut.endsWith("... (cut)") && cut.length() < 10_100);
    }

    @Test
    void invisibleAndDirectionCharactersAreShownEscaped() {
        assertEquals("name \\u202egpj.exe \\u2066x\\u2069 \\u2028", LogText.oneLine("name \u202egpj.exe \u2066x\u2069 \u2028"));
    }
}
