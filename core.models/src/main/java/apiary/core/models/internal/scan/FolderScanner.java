package apiary.core.models.internal.scan;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Walks model folders: follows symbolic links (people link their model collections in) but stops at loops, skips
 * hidden files and folders (leading {@code .}), names that do not survive a round trip through the platform's file
 * name encoding, and anything it may not read. Never throws for a bad entry; the log says what was skipped.
 */
public final class FolderScanner {
    private static final System.Logger LOG = System.getLogger(FolderScanner.class.getName());
    private static final int MAX_DEPTH = 64;

    private final Predicate<String> wanted;

    /** @param wanted which file names to collect (by name) */
    public FolderScanner(Predicate<String> wanted) {
        this.wanted = wanted;
    }

    /**
     * @param folders the folders to read, in priority order (a name found in an earlier folder wins)
     * @return the files by name, in walk order
     */
    public Map<String, FoundFile> scan(List<Path> folders) {
        Map<String, FoundFile> out = new LinkedHashMap<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            for (FoundFile f : scanOne(folder)) {
                out.merge(f.name(), f, (old, later) -> old.withOther(later.path()));
            }
        }
        return out;
    }

    private List<FoundFile> scanOne(Path folder) {
        List<FoundFile> found = new ArrayList<>();
        Map<Path, Map<String, Long>> siblings = new HashMap<>();
        try {
            Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(folder) && (hidden(dir) || !roundTrips(dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String fileName = file.getFileName().toString();
                    if (!attrs.isRegularFile() || hidden(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Map<String, Long> names = siblings.computeIfAbsent(file.getParent(), p -> new HashMap<>());
                    names.put(fileName, attrs.lastModifiedTime().toMillis());
                    if (wanted.test(fileName)) {
                        if (!roundTrips(file)) {
                            LOG.log(Level.WARNING, "Skipping model file with a name that is not valid text: {0}", file);
                            return FileVisitResult.CONTINUE;
                        }
                        String name = folder.relativize(file).toString().replace('\\', '/');
                        long modified = attrs.lastModifiedTime().toMillis();
                        long created = attrs.creationTime() == null ? modified : attrs.creationTime().toMillis();
                        found.add(new FoundFile(name, file, folder, List.of(), attrs.size(), modified, created, names));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    if (e instanceof FileSystemLoopException) {
                        LOG.log(Level.WARNING, "Skipping a symbolic link loop at {0}", file);
                    } else {
                        LOG.log(Level.DEBUG, "Skipping unreadable model path {0}: {1}", file, e.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Scanning model folder {0} failed: {1}", folder, e.toString());
        }
        return found;
    }

    private static boolean hidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Undecodable bytes in a name turn into replacement characters; such a name could never be opened again. */
    private static boolean roundTrips(Path p) {
        String text = p.toString();
        if (text.indexOf('\uFFFD') >= 0) {
            return false;
        }
        try {
            return Path.of(text).equals(p);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
