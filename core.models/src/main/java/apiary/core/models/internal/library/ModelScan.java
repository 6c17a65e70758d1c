package apiary.core.models.internal.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import apiary.core.models.internal.meta.MetadataExtractor;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.meta.Sidecars;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.scan.FolderScanner;
import apiary.core.models.internal.scan.FoundFile;
import apiary.core.models.internal.util.Timing;

/**
 * One full scan: walk every subtype's folders, take each file's metadata from the cache when its size and
 * modification time match, read the others (in parallel), and say which cache rows are new or stale. The cache is
 * asked for only after the walk, so that loading it (at start-up) can overlap the walk.
 */
final class ModelScan {
    /** What a scan found. */
    record Result(ModelIndex index, List<MetadataCache.Row> fresh, List<String> stale, int read) {
    }

    /** A file found under a subtype's folders, with its sidecar stamp and (once known) its metadata. */
    private static final class Found {
        final String subtype;
        final FoundFile file;
        final String key;
        final Set<String> others;
        final long stamp;
        ModelMetadata metadata;
        boolean read;

        Found(String subtype, FoundFile file, Set<String> others) {
            this.subtype = subtype;
            this.file = file;
            this.key = file.path().toString();
            this.others = others;
            this.stamp = others.isEmpty() ? 0 : sidecarStamp(file);
        }
    }

    private final FolderScanner scanner = new FolderScanner(ModelNames::isModelFile);
    private final MetadataExtractor extractor;
    private final Supplier<Map<String, MetadataCache.Row>> cache;

    /**
     * @param extractor reads metadata of new or changed files
     * @param cache the cached rows by path (read-only here)
     */
    ModelScan(MetadataExtractor extractor, Map<String, MetadataCache.Row> cache) {
        this(extractor, () -> cache);
    }

    /**
     * @param extractor reads metadata of new or changed files
     * @param cache gives the cached rows by path (read-only here) once the walk is done
     */
    ModelScan(MetadataExtractor extractor, Supplier<Map<String, MetadataCache.Row>> cache) {
        this.extractor = extractor;
        this.cache = cache;
    }

    /** A number that changes whenever one of the model's sidecar files appears, goes or changes. */
    static long sidecarStamp(FoundFile f) {
        String base = ModelNames.withoutExtension(f.path().getFileName().toString());
        long stamp = 0;
        for (String suffix : Sidecars.attached()) {
            Long modified = f.siblings().get(base + suffix);
            if (modified != null) {
                stamp = stamp * 31 + suffix.hashCode() + modified;
            }
        }
        return stamp;
    }

    /**
     * @param siblings a folder's files
     * @return those that are not models: the only ones that can be sidecars (a folder of models alone, the usual
     *         case, then costs no sidecar lookups at all)
     */
    private static Set<String> others(Map<String, Long> siblings) {
        Set<String> out = new HashSet<>();
        for (String name : siblings.keySet()) {
            if (!ModelNames.isModelFile(name)) {
                out.add(name);
            }
        }
        return out.isEmpty() ? Set.of() : out;
    }

    Result run(Map<String, List<Path>> foldersBySubtype) {
        Timing walking = Timing.start("scan: walk");
        List<Found> all = new ArrayList<>();
        Map<Map<String, Long>, Set<String>> othersByFolder = new IdentityHashMap<>();
        for (Map.Entry<String, List<Path>> e : foldersBySubtype.entrySet()) {
            for (FoundFile f : scanner.scan(e.getValue()).values()) {
                all.add(new Found(e.getKey(), f, othersByFolder.computeIfAbsent(f.siblings(), ModelScan::others)));
            }
        }
        Timing.done(walking, all.size() + " files");
        Map<String, MetadataCache.Row> rows = cache.get();
        List<Found> toRead = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Found f : all) {
            seen.add(f.key);
            MetadataCache.Row row = rows.get(f.key);
            if (row != null && row.size() == f.file.size() && row.modified() == f.file.modified() && row.sidecars() == f.stamp) {
                f.metadata = row.metadata();
            } else {
                toRead.add(f);
            }
        }
        Timing reading = Timing.start("scan: read headers");
        AtomicLong readCpu = new AtomicLong();
        toRead.parallelStream().forEach(f -> {
            long cpu = Timing.cpu();
            f.metadata = extractor.extract(f.file.path(), f.others);
            f.read = true;
            readCpu.addAndGet(Timing.cpu() - cpu);
        });
        Timing.done(reading, toRead.size() + " files, " + readCpu.get() / 1_000_000 + " ms CPU on all threads");
        Timing building = Timing.start("scan: index");
        Map<String, TreeMap<String, ModelRecord>> index = new HashMap<>();
        // One row per path, even when overlapping folders list a file under two subtypes.
        Map<String, MetadataCache.Row> fresh = new HashMap<>();
        for (Found found : all) {
            FoundFile f = found.file;
            if (found.read) {
                fresh.put(found.key, new MetadataCache.Row(found.key, f.size(), f.modified(), found.stamp, found.metadata));
            }
            ModelRecord r = new ModelRecord(found.subtype, f.name(), f.path(), f.folder(), f.otherPaths(), f.size(),
                    f.modified(), f.created(), found.metadata);
            index.computeIfAbsent(found.subtype, s -> new TreeMap<>()).put(f.name(), r);
        }
        List<String> stale = new ArrayList<>();
        for (String path : rows.keySet()) {
            if (!seen.contains(path)) {
                stale.add(path);
            }
        }
        Timing.done(building, "");
        return new Result(new ModelIndex(index), new ArrayList<>(fresh.values()), stale, toRead.size());
    }
}
