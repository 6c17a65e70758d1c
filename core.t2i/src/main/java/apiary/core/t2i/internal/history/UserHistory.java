package apiary.core.t2i.internal.history;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The index of one user's saved files, kept sorted both by name and by date so that any page of a history of
 * 100,000 images is found without scanning: built by one walk of the folder, then kept current by the output
 * store's save and delete events.
 */
final class UserHistory {
    /** SwarmUI's history extensions. */
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "html", "gif", "webp", "webm", "mp4", "mov", "mp3", "aac", "wav", "flac");

    private final NavigableMap<String, Long> byName = new ConcurrentSkipListMap<>();
    private final NavigableSet<HistoryEntry> byDate = new ConcurrentSkipListSet<>();
    private final Map<String, AtomicInteger> folders = new ConcurrentHashMap<>();
    final long builtAt = System.currentTimeMillis();
    /** How long the walk that built this index took. */
    volatile long scanMillis;

    /** @param root the user's folder @return its index @throws IOException when the walk fails */
    static UserHistory scan(Path root) throws IOException {
        long started = System.nanoTime();
        UserHistory h = new UserHistory();
        if (!Files.isDirectory(root)) {
            return h;
        }
        walk(root, h);
        h.scanMillis = (System.nanoTime() - started) / 1_000_000;
        return h;
    }

    private static void walk(Path root, UserHistory h) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && dir.getFileName().toString().startsWith(".") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    h.add(root.relativize(file).toString().replace('\\', '/'), attrs.lastModifiedTime().toMillis());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException exc) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** @param name a file name @return whether the history lists files like it */
    static boolean listable(String name) {
        if (name.startsWith(".") || name.endsWith(".swarmpreview.jpg") || name.endsWith(".swarmpreview.webp")) {
            return false;
        }
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    void add(String path, long modified) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (!listable(name)) {
            return;
        }
        Long old = byName.put(path, modified);
        if (old != null) {
            byDate.remove(new HistoryEntry(path, old));
        } else {
            forEachFolder(path, f -> folders.computeIfAbsent(f, k -> new AtomicInteger()).incrementAndGet());
        }
        byDate.add(new HistoryEntry(path, modified));
    }

    void remove(String path) {
        Long old = byName.remove(path);
        if (old != null) {
            byDate.remove(new HistoryEntry(path, old));
            forEachFolder(path, f -> {
                AtomicInteger n = folders.get(f);
                if (n != null && n.decrementAndGet() <= 0) {
                    folders.remove(f);
                }
            });
        }
    }

    private static void forEachFolder(String path, java.util.function.Consumer<String> action) {
        for (int i = path.indexOf('/'); i >= 0; i = path.indexOf('/', i + 1)) {
            action.accept(path.substring(0, i));
        }
    }

    NavigableMap<String, Long> byName() {
        return byName;
    }

    NavigableSet<HistoryEntry> byDate() {
        return byDate;
    }

    /** @return every folder holding listed files (at any depth), unordered */
    Set<String> folders() {
        return folders.keySet();
    }

    int size() {
        return byName.size();
    }

    /**
     * @param folder a folder relative to the user's root, empty for all
     * @param depth folder levels below it to include (1 = only its own files)
     * @return how many listed files a query of that folder and depth matches, from the per-folder counts (costs the
     *         number of folders, not of files): the folder's files at any depth, less those of its folders exactly
     *         {@code depth} levels down (each deeper file lies under exactly one of them)
     */
    int count(String folder, int depth) {
        String prefix = folder.isEmpty() ? "" : folder + "/";
        long total = folder.isEmpty() ? byName.size() : counted(folder);
        for (Map.Entry<String, AtomicInteger> f : folders.entrySet()) {
            String name = f.getKey();
            if (name.startsWith(prefix) && name.length() > prefix.length()
                    && name.chars().skip(prefix.length()).filter(c -> c == '/').count() == depth - 1) {
                total -= f.getValue().get();
            }
        }
        return (int) Math.max(0, total);
    }

    private int counted(String folder) {
        AtomicInteger n = folders.get(folder);
        return n == null ? 0 : n.get();
    }
}
