package apiary.core.models.internal.paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ModelFoldersTest {
    @Test
    void defaultsFollowSwarmUI() {
        ModelFolders f = new ModelFolders(id -> null);
        assertEquals(Path.of("Models/Stable-Diffusion").toAbsolutePath(), f.downloadFolder("Stable-Diffusion"));
        assertEquals(List.of("Stable-Diffusion", "tensorrt", "diffusion_models", "unet"),
                f.folders("Stable-Diffusion").stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(List.of(), f.folders("NoSuchType"));
        assertThrows(IllegalArgumentException.class, () -> f.downloadFolder("NoSuchType"));
    }

    @Test
    void settingsPickTheRootAndTheFirstSubfolder() {
        Map<String, Object> s = Map.of("paths.modelroot", "/a/models;/b/models", "paths.downloadtorootid", 1L,
                "paths.sdmodelfolder", "checkpoints;Stable-Diffusion");
        assertEquals(Path.of("/b/models/checkpoints"), new ModelFolders(s::get).downloadFolder("Stable-Diffusion"));
        assertEquals(Path.of("/a/models/checkpoints"),
                new ModelFolders(Map.of("paths.modelroot", "/a/models", "paths.downloadtorootid", 9L,
                        "paths.sdmodelfolder", "checkpoints")::get).downloadFolder("Stable-Diffusion"), "an index past the end means the last root");
    }

    @Test
    void everyRootIsMergedAndAbsoluteEntriesStandAlone() {
        Map<String, Object> s = Map.of("paths.modelroot", "/a;/b", "paths.sdlorafolder", "Lora;/shared/loras");
        assertEquals(List.of(Path.of("/a/Lora"), Path.of("/b/Lora"), Path.of("/shared/loras")), new ModelFolders(s::get).folders("LoRA"));
    }
}
