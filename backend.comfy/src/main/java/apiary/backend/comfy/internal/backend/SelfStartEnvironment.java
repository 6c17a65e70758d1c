package apiary.backend.comfy.internal.backend;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import apiary.backend.comfy.internal.process.ProcessRecords;

/**
 * What a self-started ComfyUI needs from the server around it.
 *
 * @param dataDir the server's data folder (the model-paths file goes there)
 * @param modelFolders the folders of each model subtype
 * @param modelRoot the model root
 * @param startingPort ports are taken from one above it
 * @param log writes a line to the backend's own log tracker, by backend id
 */
public record SelfStartEnvironment(Path dataDir, Function<String, List<Path>> modelFolders, Path modelRoot,
        int startingPort, Function<Integer, Consumer<String>> log) {
    /** @return where the launched processes are recorded while they run */
    public ProcessRecords records() {
        return ProcessRecords.in(dataDir);
    }
}
