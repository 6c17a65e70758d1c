package apiary.core.t2i.internal.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import apiary.core.t2i.internal.output.OutputEvents;
import apiary.core.t2i.internal.output.OutputFolders;
import apiary.core.t2i.internal.output.OutputImages;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Every user's history index, built on first use and kept current by the output store; files placed in the folder
 * by other means appear after the periodic background rescan (a listing never waits for one once an index exists;
 * a large history is rescanned less often).
 * Also caches the metadata of recently listed files.
 */
@Component(service = {HistoryIndex.class, OutputEvents.class})
public final class HistoryIndex implements OutputEvents {
    private static final System.Logger LOG = System.getLogger(HistoryIndex.class.getName());
    /** How old an index may get before a listing triggers a background rescan. */
    static final long RESCAN_MILLIS = 60_000;
    private static final int METADATA_CACHE = 4096;

    private final OutputFolders folders;
    private final Map<String, UserHistory> histories = new ConcurrentHashMap<>();
    private final Map<String, Boolean> rescanning = new ConcurrentHashMap<>();
    /** Per user being rescanned: the changes made meanwhile, applied to the new index before it is swapped in. */
    private final Map<String, java.util.Queue<java.util.function.Consumer<UserHistory>>> changesDuringRescan = new ConcurrentHashMap<>();
    private final ExecutorService scanner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "apiary-history-scan");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, Optional<String>> metadata = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Optional<String>> eldest) {
            return size() > METADATA_CACHE;
        }
    };

    /** @param folders where users' outputs live */
    @Activate
    public HistoryIndex(@Reference OutputFolders folders) {
        this.folders = folders;
    }

    @Deactivate
    void stop() {
        scanner.shutdownNow();
    }

    /** @param userId a user @return that user's index, built now if this is the first use */
    UserHistory of(String userId) {
        UserHistory h = histories.computeIfAbsent(userId, id -> {
            try {
                return UserHistory.scan(folders.userRoot(id));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // Saves and deletes keep the index current; the rescan only finds files put there by other means, so a
        // history that takes long to walk is walked less often (at most about 5% of the time).
        long every = Math.max(RESCAN_MILLIS, 20 * h.scanMillis);
        if (System.currentTimeMillis() - h.builtAt > every && rescanning.putIfAbsent(userId, true) == null) {
            scanner.execute(() -> rescan(userId));
        }
        return h;
    }

    /**
     * Walks a user's folder again and swaps the new index in, with the saves and deletes that happened during the
     * walk applied to it (the walk may have passed their folder already).
     */
    private void rescan(String userId) {
        java.util.Queue<java.util.function.Consumer<UserHistory>> during = new java.util.concurrent.ConcurrentLinkedQueue<>();
        changesDuringRescan.put(userId, during);
        try {
            UserHistory fresh = UserHistory.scan(folders.userRoot(userId));
            synchronized (histories) {
                during.forEach(change -> change.accept(fresh));
                histories.put(userId, fresh);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Rescanning the history of " + userId + " failed: " + e);
        } finally {
            changesDuringRescan.remove(userId);
            rescanning.remove(userId);
        }
    }

    /** Applies a change to a user's index, and to the one a running rescan is building. */
    private void change(String userId, java.util.function.Consumer<UserHistory> change) {
        synchronized (histories) {
            UserHistory h = histories.get(userId);
            if (h != null) {
                change.accept(h);
            }
            var during = changesDuringRescan.get(userId);
            if (during != null) {
                during.add(change);
            }
        }
    }

    /** @param userId a user @return the folder of that user's outputs */
    Path root(String userId) {
        return folders.userRoot(userId);
    }

    /** @param file an output file @return its embedded metadata, cached */
    String metadataOf(Path file) {
        synchronized (metadata) {
            Optional<String> cached = metadata.get(file);
            if (cached != null) {
                return cached.orElse(null);
            }
        }
        Optional<String> read = OutputImages.metadata(file);
        synchronized (metadata) {
            metadata.put(file, read);
        }
        return read.orElse(null);
    }

    @Override
    public void saved(String userId, String relative, Path file) {
        long modified;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            modified = System.currentTimeMillis();
        }
        long at = modified;
        change(userId, h -> h.add(relative, at));
        forget(file);
    }

    @Override
    public void deleted(String userId, String relative) {
        change(userId, h -> h.remove(relative));
        forget(folders.userRoot(userId).resolve(relative));
    }

    private void forget(Path file) {
        synchronized (metadata) {
            metadata.remove(file);
        }
    }
}
