package apiary.core.t2i.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class OutPathBuilderTest {
    private static OutPathBuilder.Input input(Map<String, Object> params) {
        return new OutPathBuilder.Input(LocalDateTime.of(2025, 1, 2, 3, 4, 5), 1, params, Map.of("mood", "calm"),
                "local", "0", false);
    }

    @Test
    void theDefaultFormatFillsDateCounterPromptAndModel() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("prompt", "a cat");
        p.put("model", "sd15/foo.safetensors");
        assertEquals("raw/2025-01-02/0304001-a cat-sd15foo", OutPathBuilder.build(OutPathBuilder.DEFAULT_FORMAT, 40, input(p)));
    }

    @Test
    void partsAreShortenedAndCleaned() {
        Map<String, Object> p = Map.of("prompt", "a/very\\long: \"prompt\" <with> bad|chars?*~&@;#$^ and. dots " + "x".repeat(60),
                "seed", 42L, "loras", List.of("a", "b"));
        String path = OutPathBuilder.build("[prompt]/[seed]-[loras]-[mood]-[unknown]-[number]", 40, input(p));
        String first = path.substring(0, path.indexOf('/'));
        assertTrue(first.length() <= 40, first);
        for (char c : "<>:\"\\|?*~&@;#$^.".toCharArray()) {
            assertFalse(path.indexOf(c) >= 0, "no " + c + " in " + path);
        }
        assertTrue(path.endsWith("/42-a-b-calm-[unknown]-[number]"), path);
    }

    @Test
    void aFormatCannotLeaveTheUserFolder() {
        for (String evil : List.of("../../etc/passwd", "/etc/passwd", "..\\..\\windows", "raw/../../x", "./././a", "a//..//b",
                "%2e%2e/x", "C:\\x", "con/aux/nul")) {
            String path = OutPathBuilder.build(evil, 40, input(Map.of()));
            assertFalse(path.startsWith("/"), path);
            assertFalse(path.contains(".."), path);
            assertFalse(path.contains("\\"), path);
            assertFalse(path.contains(":"), path);
        }
        assertEquals("con_/aux_/nul_", OutPathBuilder.build("con/aux/nul", 40, input(Map.of())));
    }

    @Test
    void numbersArePaddedWithAsciiDigitsWhateverTheLocale() {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
            assertEquals("0007", OutPathBuilder.padded(7, 4));
            assertEquals("12345", OutPathBuilder.padded(12345, 3));
            assertEquals("1.50 sec", ImageMetadata.seconds(1.499999));
            assertEquals("0.05 sec", ImageMetadata.seconds(0.05));
            assertEquals("12.00 sec", ImageMetadata.seconds(12));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void hashesAndNames() {
        assertEquals(8, OutPathBuilder.hash("a cat").length());
        assertEquals("January-Thursday-05-000",
                OutPathBuilder.build("[month_name]-[day_name]-[second]-[millisecond]", 40, input(Map.of())));
    }
}
