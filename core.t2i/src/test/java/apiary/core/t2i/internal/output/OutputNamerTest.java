package apiary.core.t2i.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputNamerTest {
    @TempDir
    Path root;

    @Test
    void collisionsAreNumberedAcrossExtensions() throws IOException {
        Files.createDirectories(root.resolve("raw/day"));
        Files.writeString(root.resolve("raw/day/img.jpg"), "x");
        OutputNamer namer = new OutputNamer();
        assertEquals("raw/day/img-1.png", namer.reserve(root, "raw/day/img", "png"), "an existing file of another type counts");
        assertEquals("raw/day/img-2.png", namer.reserve(root, "raw/day/img", "png"), "a name just handed out counts");
        assertEquals("raw/day/shot1.png", namer.reserve(root, "raw/day/shot[number]", "png"));
        assertEquals("raw/day/shot2.png", namer.reserve(root, "raw/day/shot[number]", "png"));
        assertEquals("top.webp", namer.reserve(root, "top", "webp"));
        namer.release(root.resolve("raw/day/img-1.png"));
        assertEquals("raw/day/img-1.png", namer.reserve(root, "raw/day/img", "png"), "a deleted name is free again");
    }
}
