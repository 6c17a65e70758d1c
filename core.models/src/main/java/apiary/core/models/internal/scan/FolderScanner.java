package apiary.core.models.internal.scan;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Walks model folders: follows symbolic links (people link their model collections in) but stops at loops, skips
 * hidden files and folders (leading {@code .}), names that do not survive a round trip through the platform's file
 * name encoding, and anything it may not read. One stat per entry; the top-level subfolders of a model folder are
 * walked in parallel. Never throws for a bad entry; the log says what was skipped.
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
     * @return the files by name
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

    /** A folder to read: where it is, its name prefix ({@code ""} or ending in {@code /}), its depth and ancestors. */
    private record Dir(Path path, String prefix, int depth, Set<Object> ancestors) {
    }

    private List<FoundFile> scanOne(Path folder) {
        Object rootKey = key(folder);
        Dir root = new Dir(folder, "", 0, rootKey == null ? Set.of() : Set.of(rootKey));
        List<FoundFile> found = new ArrayList<>();
        List<Dir> subfolders = new ArrayList<>();
        read(folder, root, found, subfolders);
        // Large collections are spread over many folders: those are walked on two threads.
        List<List<FoundFile>> below = subfolders.parallelStream().map(d -> walk(folder, d)).toList();
        below.forEach(found::addAll);
        return found;
    }

    private List<FoundFile> walk(Path folder, Dir start) {
        List<FoundFile> found = new ArrayList<>();
        List<Dir> pending = new ArrayList<>(List.of(start));
        while (!pending.isEmpty()) {
            read(folder, pending.remove(pending.size() - 1), found, pending);
        }
        return found;
    }

    /** Reads one folder: its wanted files into {@code found}, its subfolders into {@code subfolders}. */
    private void read(Path folder, Dir dir, List<FoundFile> found, List<Dir> subfolders) {
        Map<String, Long> siblings = new HashMap<>();
        List<Object[]> wantedHere = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.path())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class);
                } catch (IOException e) {
                    LOG.log(Level.DEBUG, "Skipping unreadable model path {0}: {1}", entry, e.toString());
                    continue;
                }
                if (attrs.isDirectory()) {
                    subfolder(dir, entry, name, attrs, subfolders);
                } else if (attrs.isRegularFile()) {
                    siblings.put(name, attrs.lastModifiedTime().toMillis());
                    if (wanted.test(name)) {
                        wantedHere.add(new Object[] {entry, name, attrs});
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "Skipping unreadable model folder {0}: {1}", dir.path(), e.toString());
        }
        for (Object[] w : wantedHere) {
            Path file = (Path) w[0];
            String name = (String) w[1];
            if (!roundTrips(file, name)) {
                LOG.log(Level.WARNING, "Skipping model file with a name that is not valid text: {0}", file);
                continue;
            }
            BasicFileAttributes attrs = (BasicFileAttributes) w[2];
            long modified = attrs.lastModifiedTime().toMillis();
            long created = attrs.creationTime() == null ? modified : attrs.creationTime().toMillis();
            found.add(new FoundFile(dir.prefix() + name, file, folder, List.of(), attrs.size(), modified, created, siblings));
        }
    }

    private static void subfolder(Dir parent, Path entry, String name, BasicFileAttributes attrs, List<Dir> subfolders) {
        if (parent.depth() + 1 >= MAX_DEPTH || !roundTrips(entry, name)) {
            return;
        }
        Object key = attrs.fileKey();
        if (key != null && parent.ancestors().contains(key)) {
            LOG.log(Level.WARNING, "Skipping a symbolic link loop at {0}", entry);
            return;
        }
        Set<Object> ancestors = parent.ancestors();
        if (key != null) {
            ancestors = new HashSet<>(ancestors);
            ancestors.add(key);
        }
        subfolders.add(new Dir(entry, parent.prefix() + name + "/", parent.depth() + 1, ancestors));
    }

    private static Object key(Path folder) {
        try {
            return Files.readAttributes(folder, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Undecodable bytes in a name turn into replacement characters; such a name could never be opened again. A
     * plain ASCII name always survives, so only others are checked.
     */
    private static boolean roundTrips(Path p, String name) {
        boolean ascii = true;
        for (int i = 0; i < name.length() && ascii; i++) {
            ascii = name.charAt(i) < 0x80;
        }
        if (ascii) {
            return true;
        }
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
