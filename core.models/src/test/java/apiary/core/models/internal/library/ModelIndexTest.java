package apiary.core.models.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import apiary.core.models.internal.meta.ModelMetadata;

import org.junit.jupiter.api.Test;

/** The index's folder ranges, batched replacements and records kept across a rescan. */
class ModelIndexTest {
    private static ModelRecord record(String name) {
        return new ModelRecord("LoRA", name, Path.of("/m", name), Path.of("/m"), List.of(), 1, 2, 3,
                ModelMetadata.bare(name, null, null, null));
    }

    private static ModelIndex index(String... names) {
        TreeMap<String, ModelRecord> m = new TreeMap<>();
        for (String n : names) {
            m.put(n, record(n));
        }
        return new ModelIndex(Map.of("LoRA", m));
    }

    private static List<String> names(Iterable<ModelRecord> records) {
        List<String> out = new java.util.ArrayList<>();
        records.forEach(r -> out.add(r.name()));
        return out;
    }

    @Test
    void aPrefixIsARangeOfTheIndex() {
        ModelIndex i = index("a.safetensors", "b/x.safetensors", "b/y/z.safetensors", "b!.safetensors", "ba/q.safetensors", "c.safetensors");
        assertEquals(List.of("b/x.safetensors", "b/y/z.safetensors"), names(i.models("LoRA", "b/")));
        assertEquals(6, names(i.models("LoRA", "")).size());
        assertEquals(List.of(), names(i.models("LoRA", "nothing/")));
        assertEquals(List.of(), names(i.models("VAE", "b/")));
    }

    @Test
    void aBatchReplacesEveryRecordInOneCopy() {
        ModelIndex before = index("a.safetensors", "b.safetensors");
        ModelRecord a = record("a.safetensors");
        ModelIndex after = before.with(List.of(a.withMetadata(a.metadata().withHash("0x1")), record("new.safetensors")));
        assertEquals("0x1", after.find("LoRA", "a").orElseThrow().metadata().hash());
        assertEquals(3, after.size());
        assertEquals(null, before.find("LoRA", "a").orElseThrow().metadata().hash(), "the old snapshot is unchanged");
    }

    @Test
    void aRescanKeepsTheRecordsThatDidNotChange() {
        ModelIndex before = index("a.safetensors", "b.safetensors");
        ModelIndex same = index("a.safetensors", "b.safetensors").keepingUnchanged(before);
        assertSame(before.find("LoRA", "a").orElseThrow(), same.find("LoRA", "a").orElseThrow());
        assertTrue(same.sameRecords(before));
        ModelRecord b = record("b.safetensors");
        ModelIndex changed = index("a.safetensors").with(List.of(b.withMetadata(b.metadata().withHash("0x2")))).keepingUnchanged(before);
        assertSame(before.find("LoRA", "a").orElseThrow(), changed.find("LoRA", "a").orElseThrow());
        assertFalse(changed.sameRecords(before));
        assertFalse(index("a.safetensors").keepingUnchanged(before).sameRecords(before), "a record gone");
    }
}
