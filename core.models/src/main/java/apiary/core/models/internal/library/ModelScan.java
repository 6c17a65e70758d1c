package apiary.core.models.internal.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.models.internal.meta.MetadataExtractor;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.meta.Sidecars;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.scan.FolderScanner;
import apiary.core.models.internal.scan.FoundFile;

/**
 * One full scan: walk every subtype's folders, take each file's metadata from the cache when its size and
 * modification time match, read the others (in parallel), and say which cache rows are new or stale.
 */
final class ModelScan {
    /** What a scan found. */
    record Result(ModelIndex index, List<MetadataCache.Row> fresh, List<String> stale, int read) {
    }

    private final FolderScanner scanner = new FolderScanner(ModelNames::isModelFile);
    private final MetadataExtractor extractor;
    private final Map<String, MetadataCache.Row> cache;

    /**
     * @param extractor reads metadata of new or changed files
     * @param cache the cached rows by path (read-only here)
     */
    ModelScan(MetadataExtractor extractor, Map<String, MetadataCache.Row> cache) {
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

    Result run(Map<String, List<Path>> foldersBySubtype) {
        Map<String, TreeMap<String, ModelRecord>> index = new HashMap<>();
        List<FoundFile> toRead = new ArrayList<>();
        Map<FoundFile, String> subtypeOf = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, ModelMetadata> known = new HashMap<>();
        for (Map.Entry<String, List<Path>> e : foldersBySubtype.entrySet()) {
            for (FoundFile f : scanner.scan(e.getValue()).values()) {
                String key = f.path().toString();
                seen.add(key);
                MetadataCache.Row row = cache.get(key);
                if (row != null && row.size() == f.size() && row.modified() == f.modified() && row.sidecars() == sidecarStamp(f)) {
                    known.put(key, row.metadata());
                } else {
                    toRead.add(f);
                }
                subtypeOf.put(f, e.getKey());
            }
        }
        Map<String, ModelMetadata> read = new ConcurrentHashMap<>();
        toRead.parallelStream().forEach(f -> read.computeIfAbsent(f.path().toString(),
                k -> extractor.extract(f.path(), f.siblings().keySet())));
        Map<String, MetadataCache.Row> fresh = new HashMap<>();
        for (Map.Entry<FoundFile, String> e : subtypeOf.entrySet()) {
            FoundFile f = e.getKey();
            String key = f.path().toString();
            ModelMetadata m = known.get(key);
            if (m == null) {
                m = read.get(key);
                fresh.put(key, new MetadataCache.Row(key, f.size(), f.modified(), sidecarStamp(f), m));
            }
            ModelRecord r = new ModelRecord(e.getValue(), f.name(), f.path(), f.folder(), f.otherPaths(), f.size(),
                    f.modified(), f.created(), m);
            index.computeIfAbsent(e.getValue(), s -> new TreeMap<>()).put(f.name(), r);
        }
        List<String> stale = new ArrayList<>();
        for (String path : cache.keySet()) {
            if (!seen.contains(path)) {
                stale.add(path);
            }
        }
        return new Result(new ModelIndex(index), new ArrayList<>(fresh.values()), stale, toRead.size());
    }
}
