package apiary.core.t2i.internal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafePathsTest {
    @TempDir
    Path tmp;

    @Test
    void traversalInAnyFormIsABadPath() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("Output/local"));
        Files.writeString(tmp.resolve("Output/secret.txt"), "s");
        Files.writeString(tmp.resolve("outside.txt"), "o");
        Files.createDirectories(root.resolve("raw"));
        Files.createSymbolicLink(root.resolve("raw/link.png"), tmp.resolve("outside.txt"));
        Files.createSymbolicLink(root.resolve("escape"), tmp);
        for (String evil : List.of("../secret.txt", "raw/../../secret.txt", "..", "raw/..", "%2e%2e/secret.txt",
                "%252e%252e/secret.txt".replace("%25", "%"), "raw\\..\\..\\secret.txt", "/etc/passwd", "C:/x", "raw//x.png",
                "raw/x\u0000.png", "raw/link.png", "escape/outside.txt", "./raw/x.png", "raw/%2e%2e/%2e%2e/secret.txt")) {
            assertEquals(SafePaths.Problem.BAD_PATH, SafePaths.resolve(root, evil).problem(), evil);
        }
    }

    @Test
    void ordinaryFilesResolveAndMissingOrHiddenOnesAreNotFound() throws IOException {
        Path root = Files.createDirectories(tmp.resolve("u"));
        Files.createDirectories(root.resolve("raw/2025-01-02"));
        Files.writeString(root.resolve("raw/2025-01-02/0304001-a cat 100% (1).png"), "x");
        Files.createDirectories(root.resolve(".previews"));
        Files.writeString(root.resolve(".previews/p.jpg"), "x");
        SafePaths.Result ok = SafePaths.resolve(root, "raw/2025-01-02/0304001-a cat 100% (1).png");
        assertNull(ok.problem());
        assertEquals(SafePaths.Problem.NOT_FOUND, SafePaths.resolve(root, "raw/none.png").problem());
        assertEquals(SafePaths.Problem.NOT_FOUND, SafePaths.resolve(root, ".previews/p.jpg").problem());
        assertEquals(SafePaths.Problem.NOT_FOUND, SafePaths.resolve(root, "raw").problem(), "a folder is not a file");
    }
}
