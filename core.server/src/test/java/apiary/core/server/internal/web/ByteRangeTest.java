package apiary.core.server.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Range headers against a 1000-byte file. */
class ByteRangeTest {
    private static String of(String header) {
        ByteRange r = ByteRange.parse(header, 1000);
        return r.kind == ByteRange.Kind.WHOLE ? "whole" : r.contentRange(1000);
    }

    @Test
    void singleRanges() {
        assertEquals("bytes 0-99/1000", of("bytes=0-99"));
        assertEquals("bytes 900-999/1000", of("bytes=900-"));
        assertEquals("bytes 900-999/1000", of("bytes=-100"));
        assertEquals("bytes 0-999/1000", of("bytes=-5000"));
        assertEquals("bytes 990-999/1000", of("bytes=990-5000"));
        assertEquals("bytes 5-5/1000", of("BYTES=5-5"));
    }

    @Test
    void unsatisfiable() {
        assertEquals("bytes */1000", of("bytes=1000-"));
        assertEquals("bytes */1000", of("bytes=2000-3000"));
        assertEquals("bytes */1000", of("bytes=-0"));
        assertEquals(ByteRange.Kind.UNSATISFIABLE, ByteRange.parse("bytes=-5", 0).kind);
    }

    @Test
    void whatIsNotOneValidRangeGetsTheWholeFile() {
        assertEquals("whole", of(null));
        assertEquals("whole", of("bytes=0-1,5-6"));
        assertEquals("whole", of("items=0-5"));
        assertEquals("whole", of("bytes=5-1"));
        assertEquals("whole", of("bytes=x-y"));
        assertEquals("whole", of("bytes=-"));
        assertEquals("whole", of("bytes=5"));
    }
}
