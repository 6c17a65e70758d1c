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
 * by other means appear after the periodic background rescan (a listing never waits for one once an index exists).
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
        if (System.currentTimeMillis() - h.builtAt > RESCAN_MILLIS && rescanning.putIfAbsent(userId, true) == null) {
            scanner.execute(() -> {
                try {
                    histories.put(userId, UserHistory.scan(folders.userRoot(userId)));
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "Rescanning the history of " + userId + " failed: " + e);
                } finally {
                    rescanning.remove(userId);
                }
            });
        }
        return h;
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
        UserHistory h = histories.get(userId);
        if (h != null) {
            try {
                h.add(relative, Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                h.add(relative, System.currentTimeMillis());
            }
        }
        forget(file);
    }

    @Override
    public void deleted(String userId, String relative) {
        UserHistory h = histories.get(userId);
        if (h != null) {
            h.remove(relative);
        }
        forget(folders.userRoot(userId).resolve(relative));
    }

    private void forget(Path file) {
        synchronized (metadata) {
            metadata.remove(file);
        }
    }
}
