package apiary.backend.comfy.internal.backend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import apiary.core.api.backend.GenerationException;
import apiary.core.api.json.Json;

/**
 * The {@code comfyuicustomworkflow} parameter's values: either the API-format workflow itself, or the name of a
 * workflow saved as SwarmUI saves them, {@code <data>/ComfyUIWorkflows/<name>.json} with its API-format text under
 * {@code prompt}.
 */
public final class SavedWorkflows {
    private final Path folder;
    private final Json json;

    SavedWorkflows(Path folder, Json json) {
        this.folder = folder;
        this.json = json;
    }

    /**
     * @param value the parameter's value
     * @return the workflow text with its placeholders
     * @throws GenerationException when the name is unknown or the file is not a saved workflow
     */
    public String text(String value) throws GenerationException {
        String v = value.trim();
        if (v.startsWith("{")) {
            return v;
        }
        String name = v.endsWith(".json") ? v.substring(0, v.length() - 5) : v;
        if (folder == null || name.contains("..") || name.startsWith("/") || name.contains("\\")) {
            throw new GenerationException("Unknown ComfyUI custom workflow '" + value + "'.");
        }
        Path file = folder.resolve(name + ".json").normalize();
        if (!file.startsWith(folder.normalize()) || !Files.isRegularFile(file)) {
            throw new GenerationException("Unknown ComfyUI custom workflow '" + value + "'.");
        }
        try {
            Object saved = json.read(Files.readString(file, StandardCharsets.UTF_8));
            Object prompt = saved instanceof Map ? ((Map<?, ?>) saved).get("prompt") : null;
            if (prompt instanceof String) {
                return (String) prompt;
            }
            if (prompt instanceof Map) {
                return json.write(prompt);
            }
        } catch (IOException | RuntimeException e) {
            throw new GenerationException("The ComfyUI custom workflow '" + value + "' cannot be read.", e);
        }
        throw new GenerationException("The ComfyUI custom workflow '" + value + "' has no API-format prompt.");
    }
}
