package apiary.core.t2i.internal.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Picks a free file name for a built output path, as SwarmUI does: when a file with the same base name (any
 * extension) exists or was just handed out, {@code [number]} is filled with 1, 2, ... or, without that tag,
 * {@code -1}, {@code -2}, ... is appended. Each folder's base names are read from disk once and then tracked, so
 * naming stays fast in folders with many thousands of images.
 */
final class OutputNamer {
    private final Map<Path, Set<String>> taken = new ConcurrentHashMap<>();

    /**
     * Reserves a name; the caller writes the file next.
     *
     * @param root the user's output folder
     * @param relative the cleaned relative path without extension (may contain {@code [number]})
     * @param extension the file extension without dot
     * @return the relative path with extension, unique in its folder
     */
    String reserve(Path root, String relative, String extension) {
        int slash = relative.lastIndexOf('/');
        String folder = slash < 0 ? "" : relative.substring(0, slash);
        String base = relative.substring(slash + 1);
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        Set<String> names = taken.computeIfAbsent(dir.toAbsolutePath().normalize(), OutputNamer::scan);
        int numberAt = base.toLowerCase(Locale.ROOT).indexOf(OutPathBuilder.NUMBER);
        synchronized (names) {
            String candidate = numberAt < 0 ? base : fill(base, numberAt, 1);
            for (int n = 1; names.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = numberAt < 0 ? base + "-" + n : fill(base, numberAt, n + 1);
            }
            names.add(candidate.toLowerCase(Locale.ROOT));
            return (folder.isEmpty() ? "" : folder + "/") + candidate + "." + extension;
        }
    }

    /** Forgets a name (its file was deleted), so that it can be used again. */
    void release(Path file) {
        Set<String> names = taken.get(file.getParent().toAbsolutePath().normalize());
        if (names != null) {
            synchronized (names) {
                names.remove(baseName(file.getFileName().toString()));
            }
        }
    }

    private static String fill(String base, int at, int n) {
        return base.substring(0, at) + n + base.substring(at + OutPathBuilder.NUMBER.length());
    }

    private static Set<String> scan(Path dir) {
        Set<String> out = ConcurrentHashMap.newKeySet();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> out.add(baseName(f.getFileName().toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code a.b.png} and {@code a.swarm.json} both have the base name {@code a} (output names contain no dots). */
    static String baseName(String fileName) {
        int dot = fileName.indexOf('.');
        return (dot < 0 ? fileName : fileName.substring(0, dot)).toLowerCase(Locale.ROOT);
    }
}
