package apiary.core.models.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.models.internal.SafetensorsFiles;
import apiary.core.models.internal.TestDatabase;
import apiary.core.models.internal.TestJson;
import apiary.core.models.internal.meta.ClassDetector;
import apiary.core.models.internal.meta.MetadataExtractor;
import apiary.core.models.internal.meta.ModelClassTable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scans with the database cache: unchanged files are not read again, changed and removed ones are noticed. */
class ModelScanCacheTest {
    @TempDir
    Path root;

    private final TestJson json = new TestJson();
    private final MetadataExtractor extractor = new MetadataExtractor(json, new ClassDetector(new ModelClassTable(false)), 1 << 20);

    @Test
    void secondScanReadsOnlyWhatChanged() throws Exception {
        Path a = root.resolve("one");
        Path b = root.resolve("two");
        SafetensorsFiles.write(a.resolve("x/m1.safetensors"), Map.of("modelspec.title", "M1"), SafetensorsFiles.keys("w"));
        SafetensorsFiles.write(a.resolve("m2.safetensors"), Map.of(), SafetensorsFiles.keys("w"));
        SafetensorsFiles.write(b.resolve("m2.safetensors"), Map.of(), SafetensorsFiles.keys("w"));
        Files.write(a.resolve(".hidden.safetensors"), new byte[] {1});
        Files.write(a.resolve("notes.txt"), new byte[] {1});
        MetadataCache cache = new MetadataCache(new TestDatabase("scan" + System.nanoTime()));
        Map<String, List<Path>> folders = Map.of("LoRA", List.of(a, b));

        ModelScan.Result first = new ModelScan(extractor, cache.loadAll()).run(folders);
        assertEquals(2, first.index().size());
        assertEquals(2, first.read());
        ModelRecord m2 = first.index().find("LoRA", "m2").orElseThrow();
        assertEquals(List.of(b.resolve("m2.safetensors")), m2.otherPaths(), "the same name under two roots is one model");
        assertEquals("M1", first.index().find("LoRA", "x/m1.safetensors").orElseThrow().metadata().title());
        cache.putAll(first.fresh());

        ModelScan.Result second = new ModelScan(extractor, cache.loadAll()).run(folders);
        assertEquals(0, second.read(), "nothing changed, nothing read");
        assertEquals("M1", second.index().find("LoRA", "x/m1").orElseThrow().metadata().title());

        Files.writeString(a.resolve("x/m1.swarm.json"), "{\"modelspec.author\": \"Side\"}");
        ModelScan.Result withSidecar = new ModelScan(extractor, cache.loadAll()).run(folders);
        assertEquals(1, withSidecar.read(), "a new sidecar makes the model's metadata be read again");
        assertEquals("Side", withSidecar.index().find("LoRA", "x/m1").orElseThrow().metadata().author());
        cache.putAll(withSidecar.fresh());

        SafetensorsFiles.write(a.resolve("x/m1.safetensors"), Map.of("modelspec.title", "M1 v2", "pad", "changes the size"), SafetensorsFiles.keys("w"));
        Files.delete(a.resolve("m2.safetensors"));
        ModelScan.Result third = new ModelScan(extractor, cache.loadAll()).run(folders);
        assertEquals(2, third.read(), "the changed file, and the copy that is now the first one");
        assertEquals("M1 v2", third.index().find("LoRA", "x/m1").orElseThrow().metadata().title());
        assertTrue(third.stale().contains(a.resolve("m2.safetensors").toString()));
        assertEquals(b.resolve("m2.safetensors"), third.index().find("LoRA", "m2").orElseThrow().path());
    }

    @Test
    void symlinkLoopsAndBrokenLinksAreSkipped() throws Exception {
        Path a = root.resolve("models");
        SafetensorsFiles.write(a.resolve("sub/ok.safetensors"), Map.of(), SafetensorsFiles.keys("w"));
        Files.createSymbolicLink(a.resolve("sub/loop"), a);
        Files.createSymbolicLink(a.resolve("dangling.safetensors"), root.resolve("nowhere"));
        MetadataCache cache = new MetadataCache(new TestDatabase("loop" + System.nanoTime()));
        ModelScan.Result r = new ModelScan(extractor, cache.loadAll()).run(Map.of("LoRA", List.of(a)));
        assertEquals(List.of("sub/ok.safetensors"), r.index().models("LoRA").stream().map(ModelRecord::name).toList());
    }
}
