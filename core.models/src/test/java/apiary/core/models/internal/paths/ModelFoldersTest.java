package apiary.core.sessions.internal.install;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelFoldersTest {
    @Test
    void defaultsFollowSwarmUI() {
        assertEquals(Path.of("Models/Stable-Diffusion").toAbsolutePath(), new ModelFolders(id -> null).folderFor("Stable-Diffusion"));
    }

    @Test
    void settingsPickTheRootAndTheFirstSubfolder() {
        Map<String, Object> s = Map.of("paths.modelroot", "/a/models;/b/models", "paths.downloadtorootid", 1L,
                "paths.sdmodelfolder", "checkpoints;Stable-Diffusion");
        assertEquals(Path.of("/b/models/checkpoints"), new ModelFolders(s::get).folderFor("Stable-Diffusion"));
        assertEquals(Path.of("/a/models/checkpoints"),
                new ModelFolders(Map.of("paths.modelroot", "/a/models", "paths.downloadtorootid", 9L,
                        "paths.sdmodelfolder", "checkpoints")::get).folderFor("Stable-Diffusion"), "an index past the end means the last root");
    }
}
