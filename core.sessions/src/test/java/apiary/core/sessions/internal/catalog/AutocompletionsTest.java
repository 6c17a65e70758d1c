package apiary.core.sessions.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutocompletionsTest {
    @TempDir
    Path dir;

    @Test
    void parsesTransformsAndNeverLeavesTheFolder() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/tags.csv"), "# comment\r\nlong_hair,1234\n\n  blue (eyes),0,55,\"alias\"  \nplain\n");
        Files.writeString(dir.resolve("ignored.json"), "{}");
        Files.writeString(dir.getParent().resolve("outside.txt"), "secret");
        Autocompletions ac = new Autocompletions(dir);
        assertEquals(List.of("sub/tags.csv"), ac.files());
        assertEquals(List.of("long hair\nlong_hair\n0\n1234\n", "blue \\(eyes\\)\nblue (eyes)\n0\n55\n\"alias\"", "plain\nplain"),
                ac.entries("sub/tags.csv", true, "", "Spaces"));
        assertEquals(List.of("long_hair, \nlong_hair\n0\n1234\n", "blue_(eyes), \nblue (eyes)\n0\n55\n\"alias\"", "plain, \nplain"),
                ac.entries("sub/tags.csv", false, ", ", "Underscores"));
        assertNull(ac.entries("../outside.txt", true, "", "None"));
        assertNull(ac.entries("", true, "", "None"));
    }
}
