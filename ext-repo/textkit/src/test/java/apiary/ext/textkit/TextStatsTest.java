package apiary.ext.textkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextStatsTest {
    @Test
    void countsWordsCharactersAndTokens() {
        TextStats s = TextStats.of("a (red:1.2) fox, jumping");
        assertEquals(6, s.words());
        assertEquals(24, s.characters());
        assertEquals(6, s.estimatedTokens());
    }

    @Test
    void emptyAndNullAreZero() {
        assertEquals(0, TextStats.of(null).words());
        assertEquals(0, TextStats.of("  ,, ").words());
        assertEquals(0, TextStats.of("").estimatedTokens());
    }
}
