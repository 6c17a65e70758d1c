package apiary.core.server.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Finding the top-level session_id while a body arrives in arbitrary pieces. */
class SessionIdScannerTest {
    private static String scan(String json, int pieceSize) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        SessionIdScanner s = new SessionIdScanner();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            s.feed(bytes, i, Math.min(bytes.length, i + pieceSize));
        }
        return s.sessionId();
    }

    private static String scan(String json) {
        String whole = scan(json, Integer.MAX_VALUE / 2);
        for (int size = 1; size < 5; size++) {
            assertEquals(whole, scan(json, size), "piece size " + size);
        }
        return whole;
    }

    @Test
    void findsTheTopLevelSessionIdWherever() {
        assertEquals("abc", scan("{\"session_id\":\"abc\"}"));
        assertEquals("abc", scan(" { \"a\" : [1, {\"session_id\":\"nested\"}], \"b\":\"x\\\"y\" ,\n \"session_id\" : \"abc\" }"));
        assertEquals("abc", scan("{\"image\":\"" + "A".repeat(100_000) + "\",\"session_id\":\"abc\",\"rest\":1}"));
        assertEquals("é1", scan("{\"ké\":\"vé\",\"session_id\":\"é1\"}"));
    }

    @Test
    void reportsNothingItCannotBeSureOf() {
        assertNull(scan("{\"x\":{\"session_id\":\"nested\"}}"));
        assertNull(scan("{\"x\":\"session_id\",\"y\":\"abc\"}"));
        assertNull(scan("{\"session_id\":5}"));
        assertNull(scan("{\"session_id\":null,\"a\":\"b\"}"));
        assertNull(scan("{\"session\\u005fid\":\"abc\"}"));
        assertNull(scan("{\"session_id\":\"a\\\"b\"}"));
        assertNull(scan("[{\"session_id\":\"abc\"}]"));
        assertNull(scan("\"session_id\""));
        assertNull(scan("{\"session_id\":\"" + "a".repeat(500) + "\"}"));
        assertNull(scan("{\"session_ids\":\"abc\"}"));
    }
}
