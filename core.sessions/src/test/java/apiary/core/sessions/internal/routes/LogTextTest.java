package apiary.core.sessions.internal.routes;

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
    void loginNamesAreCleanedLikeSwarmUI() {
        assertEquals("alice_01", AuthRoutes.cleanUserName("Alice_01!"));
        assertEquals("bob", AuthRoutes.cleanUserName(" b.o-b "));
    }
}
