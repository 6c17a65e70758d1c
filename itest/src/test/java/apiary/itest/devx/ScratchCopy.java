package apiary.itest.devx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies parts of this repository into a scratch folder, leaving build output ({@code target}) behind. */
final class ScratchCopy {
    private ScratchCopy() {
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().equals("target") || rel.startsWith("target")) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Replaces text in a file, failing when the text is not there (so a test cannot silently change nothing). */
    static void replace(Path file, String text, String with) throws IOException {
        String s = Files.readString(file);
        if (!s.contains(text)) {
            throw new AssertionError(file + " does not contain: " + text);
        }
        Files.writeString(file, s.replace(text, with));
    }

    /** Deletes a folder tree if it exists, ignoring what cannot be deleted (for clean-up after a test). */
    static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // best effort: a left-over test release in the local repository is harmless
        }
    }
}
