package apiary.backend.comfy.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/** ExtraArgs splitting: whitespace, both quotes, escapes, and a clear error for an unclosed quote. */
class CommandLineTest {
    @Test
    void splitsLikeAShellWithoutExpanding() {
        assertEquals(List.of(), CommandLine.split("   "));
        assertEquals(List.of("--cpu", "--output-directory", "/srv/my images", "--x", "it's", "$HOME", ""),
                CommandLine.split(" --cpu  --output-directory \"/srv/my images\" --x it\\'s '$HOME' \"\""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandLine.split("--a \"b"));
        assertEquals("ExtraArgs has an unclosed \" quote.", e.getMessage());
    }
}
