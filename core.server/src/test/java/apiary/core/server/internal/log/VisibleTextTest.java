package apiary.core.server.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** What log lines show of invisible characters. */
class VisibleTextTest {
    @Test
    void invisibleAndBidiCharactersAreEscaped() {
        assertEquals("user \\u202eexe.txt", VisibleText.of("user \u202eexe.txt"));
        assertEquals("\\u2066a\\u2069 \\u200b \\ufeff \\u2028 \\u2029 \\u0085 \\u001b[31m \\u0000",
                VisibleText.of("\u2066a\u2069 \u200b \ufeff \u2028 \u2029 \u0085 \u001b[31m \u0000"));
        assertEquals("over\\u000dwrite", VisibleText.of("over\rwrite"));
        assertEquals("tag \\U000e0041", VisibleText.of("tag \uDB40\uDC41"));
    }

    @Test
    void ordinaryTextIsKept() {
        String text = "Stack:\n\tat x.y(Z.java:1)\r\nümlaut 日本 emoji \uD83D\uDE00 tab\t";
        assertSame(text, VisibleText.of(text));
    }
}
