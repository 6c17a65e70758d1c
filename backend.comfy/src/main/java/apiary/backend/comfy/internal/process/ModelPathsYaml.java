package apiary.backend.comfy.internal.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the {@code --extra-model-paths-config} file that shows a self-started ComfyUI Apiary's model folders under
 * ComfyUI's folder types (SwarmUI's {@code comfy-auto-model.yaml}).
 */
public final class ModelPathsYaml {
    /** Apiary model subtype to the ComfyUI folder types that read it. */
    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Stable-Diffusion", List.of("checkpoints", "diffusion_models", "unet"));
        TYPES.put("LoRA", List.of("loras"));
        TYPES.put("VAE", List.of("vae"));
        TYPES.put("Embedding", List.of("embeddings"));
        TYPES.put("ControlNet", List.of("controlnet", "model_patches"));
        TYPES.put("Clip", List.of("clip", "text_encoders"));
        TYPES.put("ClipVision", List.of("clip_vision"));
    }

    private ModelPathsYaml() {
    }

    /**
     * @param file where to write it
     * @param folders the folders of each Apiary model subtype
     * @param modelRoot the model root, for the folder types Apiary has no subtype for ({@code upscale_models})
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, Function<String, List<Path>> folders, Path modelRoot) throws IOException {
        StringBuilder sb = new StringBuilder("# Written by Apiary at every start of a self-started ComfyUI.\napiary:\n");
        Map<String, StringBuilder> byType = new LinkedHashMap<>();
        TYPES.forEach((subtype, types) -> {
            for (Path p : folders.apply(subtype)) {
                for (String t : types) {
                    byType.computeIfAbsent(t, k -> new StringBuilder()).append("        ").append(p.toAbsolutePath()).append('\n');
                }
            }
        });
        byType.computeIfAbsent("upscale_models", k -> new StringBuilder())
                .append("        ").append(modelRoot.resolve("upscale_models").toAbsolutePath()).append('\n');
        byType.forEach((type, lines) -> sb.append("    ").append(type).append(": |\n").append(lines));
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
