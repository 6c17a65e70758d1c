package apiary.core.sessions.internal.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PresetTitlesTest {
    @Test
    void dropsForbiddenControlZeroWidthAndDots() {
        assertEquals("My Preset", PresetTitles.clean("My <Pre>set."));
        assertEquals("abc", PresetTitles.clean("a:b\"c|?*~&@;#$^\\"));
        assertEquals("ab", PresetTitles.clean("a\u0007\u200Bb"));
    }

    @Test
    void keepsFoldersButNoEmptySegments() {
        assertEquals("folder/sub/name", PresetTitles.clean("//folder//sub///name/"));
        assertEquals("a/b", PresetTitles.clean("  /a/b  "));
        assertEquals("", PresetTitles.clean(" / ./ "));
    }

    @Test
    void reservedDeviceNamesGetAnUnderscore() {
        assertEquals("con_/x/COM1_/lpt9_/com", PresetTitles.clean("con/x/COM1/lpt9/com"));
        assertEquals("console", PresetTitles.clean("console"));
    }

    @Test
    void keysIgnoreCase() {
        assertEquals(PresetTitles.key("Folder/Name"), PresetTitles.key("folder/NAME"));
    }
}
