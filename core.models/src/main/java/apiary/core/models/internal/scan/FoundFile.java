package apiary.core.models.internal.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model file found by a scan.
 *
 * @param name the model name: path relative to its folder, {@code /}-separated, with extension
 * @param path the file (the first folder's, when the name exists under several)
 * @param folder the model folder it was found under
 * @param otherPaths the same name under later folders
 * @param size the file size in bytes
 * @param modified last modification, epoch milliseconds
 * @param created creation time, epoch milliseconds (the modification time where the file system has none)
 * @param siblings the files in its folder by name, with their modification times, for sidecar lookups (complete
 *        once the scan has finished)
 */
public record FoundFile(String name, Path path, Path folder, List<Path> otherPaths, long size, long modified, long created,
        Map<String, Long> siblings) {
    /** @param more another copy @return this file with that copy added to {@link #otherPaths} */
    FoundFile withOther(Path more) {
        List<Path> all = new java.util.ArrayList<>(otherPaths);
        all.add(more);
        return new FoundFile(name, path, folder, List.copyOf(all), size, modified, created, siblings);
    }
}
