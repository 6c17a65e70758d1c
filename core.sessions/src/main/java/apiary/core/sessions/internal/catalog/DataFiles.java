package apiary.core.sessions.internal.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Lists user-droppable files under a data sub-folder by extension, as relative {@code /}-separated names. */
final class DataFiles {
    private DataFiles() {
    }

    /**
     * @param root the folder (may not exist)
     * @param extensions lower-case suffixes such as {@code .txt}
     * @return the relative names of matching regular files, sorted
     */
    static List<String> list(Path root, List<String> extensions) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> extensions.stream().anyMatch(p.getFileName().toString().toLowerCase(Locale.ROOT)::endsWith))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
