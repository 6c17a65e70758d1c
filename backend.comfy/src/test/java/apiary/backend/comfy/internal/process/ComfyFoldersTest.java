package apiary.backend.comfy.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A self-started ComfyUI's folders from its command line, and deletion that never leaves the folder. */
class ComfyFoldersTest {
    @Test
    void foldersFollowTheArgumentsAndDeletionStaysInside() throws Exception {
        Path comfy = Files.createTempDirectory("comfy-home-");
        Path script = comfy.resolve("main.py");
        assertEquals(new ComfyFolders(comfy.resolve("output"), comfy.resolve("temp")), ComfyFolders.of(script, List.of("--port", "1")));
        assertEquals(new ComfyFolders(comfy.resolve("out"), Path.of("/tmp/t/temp")),
                ComfyFolders.of(script, List.of("--output-directory", "out", "--temp-directory", "/tmp/t")));
        assertEquals(comfy.resolve("b/output"), ComfyFolders.of(script, List.of("--base-directory", "b")).output());

        ComfyFolders f = ComfyFolders.of(script, List.of());
        Files.createDirectories(comfy.resolve("output/sub"));
        Path image = Files.writeString(comfy.resolve("output/sub/a_00001_.png"), "png");
        Path outside = Files.writeString(comfy.resolve("secret.txt"), "keep");
        assertFalse(f.delete("output", "sub", "../../secret.txt"), "no way out of the folder");
        assertFalse(f.delete("input", "", "secret.txt"), "inputs are not deleted");
        assertTrue(f.delete("output", "sub", "a_00001_.png"));
        assertFalse(Files.exists(image));
        assertTrue(Files.exists(outside));
    }
}
