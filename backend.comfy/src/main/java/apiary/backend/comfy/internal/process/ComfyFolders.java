package apiary.backend.comfy.internal.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a self-started ComfyUI writes its files: {@code output/}, {@code temp/} and {@code input/} next to its
 * {@code main.py}, or where its command line moves them ({@code --base-directory}, {@code --output-directory},
 * {@code --temp-directory}, {@code --input-directory}, as ComfyUI reads them). Used to delete an output once Apiary
 * has fetched it, as SwarmUI does for the ComfyUI it starts: the images live in Apiary's history, not twice.
 *
 * @param output the output folder
 * @param temp the temp folder (PreviewImage)
 */
public record ComfyFolders(Path output, Path temp) {
    /**
     * @param script the start script
     * @param args the arguments it is started with
     * @return its folders
     */
    public static ComfyFolders of(Path script, List<String> args) {
        // The process runs in the script's folder: relative arguments are relative to it.
        Path cwd = script.toAbsolutePath().getParent();
        Path base = cwd;
        Path output = null;
        Path temp = null;
        for (int i = 0; i + 1 < args.size(); i++) {
            Path value = cwd.resolve(args.get(i + 1));
            switch (args.get(i)) {
                case "--base-directory" -> base = value;
                case "--output-directory" -> output = value;
                case "--temp-directory" -> temp = value.resolve("temp");
                default -> { }
            }
        }
        return new ComfyFolders((output == null ? base.resolve("output") : output).normalize(),
                (temp == null ? base.resolve("temp") : temp).normalize());
    }

    /**
     * Deletes one file ComfyUI reported as an output, if it lies inside the folder of its type.
     *
     * @param type {@code output} or {@code temp} (others are left alone)
     * @param subfolder its subfolder, may be empty
     * @param filename its name
     * @return whether a file was deleted
     */
    public boolean delete(String type, String subfolder, String filename) {
        Path root = switch (type) {
            case "output" -> output;
            case "temp" -> temp;
            default -> null;
        };
        if (root == null || filename.isEmpty()) {
            return false;
        }
        Path file = root.resolve(subfolder == null ? "" : subfolder).resolve(filename).normalize();
        if (!file.startsWith(root) || file.equals(root) || !Files.isRegularFile(file)) {
            return false;
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
