package apiary.core.admin.internal.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void longLogsKeepTheirStartAndEnd() {
        assertEquals("short", LogText.cap("short"));
        String text = "H".repeat(LogText.KEEP_HEAD) + "m".repeat(LogText.MAX_CHARS) + "T".repeat(LogText.KEEP_TAIL);
        String capped = LogText.cap(text);
        assertEquals(LogText.KEEP_HEAD + LogText.CUT_MARKER.length() + LogText.KEEP_TAIL, capped.length());
        assertTrue(capped.startsWith("H".repeat(LogText.KEEP_HEAD) + LogText.CUT_MARKER));
        assertTrue(capped.endsWith("T".repeat(LogText.KEEP_TAIL)));
    }
}
