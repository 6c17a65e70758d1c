package apiary.core.models.internal.library;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The library's view of the metadata cache: the rows it holds in memory (read once, at the first scan) and the
 * writes that keep the table in step with them. Used only on the library's scan thread, so it needs no locking.
 */
final class CachedMetadata {
    private static final System.Logger LOG = System.getLogger(CachedMetadata.class.getName());

    private final MetadataCache cache;
    private Map<String, MetadataCache.Row> rows;

    CachedMetadata(MetadataCache cache) {
        this.cache = cache;
    }

    /** @return the rows: at once when known, else read on another thread (so a first scan can walk meanwhile) */
    CompletableFuture<Map<String, MetadataCache.Row>> load() {
        return rows != null ? CompletableFuture.completedFuture(rows) : CompletableFuture.supplyAsync(cache::loadAll);
    }

    /** @param loading what {@link #load} gave @return the rows; a cache that cannot be read counts as empty */
    Map<String, MetadataCache.Row> await(CompletableFuture<Map<String, MetadataCache.Row>> loading) {
        try {
            rows = loading.join();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not read the model metadata cache (every model is read again): {0}", e.toString());
            rows = new HashMap<>();
        }
        return rows;
    }

    /** Writes what a scan read and drops the rows of files that are gone. */
    void persist(ModelScan.Result r) {
        try {
            long start = System.nanoTime();
            cache.putAll(r.fresh(), rows::containsKey);
            if (!r.stale().isEmpty()) {
                cache.removeAll(r.stale());
            }
            if (!r.fresh().isEmpty() || !r.stale().isEmpty()) {
                LOG.log(Level.INFO, "Model metadata cache written: {0} rows stored, {1} removed, in {2} ms", r.fresh().size(),
                        r.stale().size(), (System.nanoTime() - start) / 1_000_000);
            }
            r.fresh().forEach(row -> rows.put(row.path(), row));
            r.stale().forEach(rows::remove);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not update the model metadata cache: {0}", e.getMessage());
        }
    }

    /** Stores changed records (an edit, hashes), keeping each one's sidecar stamp. */
    void store(List<ModelRecord> records) {
        List<MetadataCache.Row> out = new ArrayList<>(records.size());
        for (ModelRecord r : records) {
            MetadataCache.Row old = rows == null ? null : rows.get(r.path().toString());
            // An unknown sidecar stamp (-1) only means the next scan reads the file once more.
            out.add(new MetadataCache.Row(r.path().toString(), r.size(), r.modified(), old == null ? -1 : old.sidecars(), r.metadata()));
        }
        try {
            cache.putAll(out, path -> rows == null || rows.containsKey(path));
            if (rows != null) {
                out.forEach(row -> rows.put(row.path(), row));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not update the model metadata cache: {0}", e.getMessage());
        }
    }

    /** Empties the table and the rows ({@code WipeMetadata}). */
    void wipe() {
        cache.clear();
        rows = new HashMap<>();
    }
}
