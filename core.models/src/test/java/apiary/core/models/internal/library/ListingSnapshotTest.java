package apiary.core.models.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import apiary.core.models.internal.TestDatabase;
import apiary.core.models.internal.meta.ModelMetadata;

import org.junit.jupiter.api.Test;

/**
 * The stored listing: records read back equal, each with its listed JSON while the key (and, for a model with a
 * preview, the edit id) is the one it was stored under; damaged text and rows of the older format are not used.
 */
class ListingSnapshotTest {
    private static final List<String> SUBTYPES = List.of("Stable-Diffusion", "LoRA", "VAE");

    private static ListingSnapshot.Texts texts(String key, long editId) {
        return new ListingSnapshot.Texts(key, editId, r -> "{\"name\":\"" + r.name() + "\"}");
    }

    private static ModelIndex index() {
        TreeMap<String, ModelRecord> lora = new TreeMap<>();
        lora.put("x/a b.safetensors", new ModelRecord("LoRA", "x/a b.safetensors", Path.of("/m/Lora/x/a b.safetensors"), Path.of("/m/Lora"),
                List.of(Path.of("/n/Lora/x/a b.safetensors")), 10, 20, 30, ModelMetadata.bare("12:colons;-", ".png", null, null)));
        TreeMap<String, ModelRecord> sd = new TreeMap<>();
        sd.put("s.safetensors", new ModelRecord("Stable-Diffusion", "s.safetensors", Path.of("/m/sd/s.safetensors"), Path.of("/m/sd"),
                List.of(), 1, 2, 3, ModelMetadata.bare("s", null, null, null).withHash("0xab")));
        return new ModelIndex(Map.of("LoRA", lora, "Stable-Diffusion", sd));
    }

    private static String textOf(ListingSnapshot.Loaded l, String subtype, String name) {
        return l.texts().get(l.index().find(subtype, name).orElseThrow());
    }

    @Test
    void readsBackEqualWithTheTextsOfTheSameKey() {
        ModelIndex index = index();
        String text = ListingSnapshot.encode(index, SUBTYPES, texts("k1", 7));
        ListingSnapshot.Loaded back = ListingSnapshot.decode(text, "k1", 7);
        assertEquals(2, back.index().size());
        assertEquals(index.find("LoRA", "x/a b").orElseThrow(), back.index().find("LoRA", "x/a b").orElseThrow());
        assertEquals(index.find("Stable-Diffusion", "s").orElseThrow(), back.index().find("Stable-Diffusion", "s").orElseThrow());
        assertEquals("{\"name\":\"x/a b.safetensors\"}", textOf(back, "LoRA", "x/a b"));
        assertTrue(back.complete());

        ListingSnapshot.Loaded otherEdit = ListingSnapshot.decode(text, "k1", 8);
        assertNull(textOf(otherEdit, "LoRA", "x/a b"), "its preview URL carries the edit id it was made under");
        assertEquals("{\"name\":\"s.safetensors\"}", textOf(otherEdit, "Stable-Diffusion", "s"), "no preview: any edit id");
        assertFalse(otherEdit.complete());

        ListingSnapshot.Loaded otherKey = ListingSnapshot.decode(text, "k2", 7);
        assertEquals(2, otherKey.index().size(), "the records are used all the same");
        assertTrue(otherKey.texts().isEmpty());
    }

    @Test
    void refusesDamagedText() {
        String text = ListingSnapshot.encode(index(), SUBTYPES, texts("k", 0));
        assertEquals(0, ListingSnapshot.decode(ListingSnapshot.encode(ModelIndex.EMPTY, SUBTYPES, texts("k", 0)), "k", 0).index().size());
        for (String bad : new String[] {"m1;", "l2;", text.substring(0, text.length() - 2), text + "9:x", ""}) {
            assertThrows(IllegalArgumentException.class, () -> ListingSnapshot.decode(bad, "k", 0), bad);
        }
    }

    @Test
    void aRowOfTheOlderFormatIsNotUsed() throws Exception {
        TestDatabase db = new TestDatabase("snapshot" + System.nanoTime());
        new MetadataCache(db);
        ListingSnapshot snapshot = new ListingSnapshot(db);
        String folders = "{LoRA=[/m/Lora]}";
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ins = c.prepareStatement("INSERT INTO model_listing (id, folders, data) VALUES (1, ?, ?)")) {
            ins.setString(1, folders);
            // What a build before the stored texts wrote: the same records, without a key, edit id or texts.
            ins.setString(2, "l1;4:LoRA5:a.sft7:/m/a.sft7:/m/Lora1:01:11:21:3" + "-".repeat(20));
            ins.executeUpdate();
        }
        assertEquals(Optional.empty(), snapshot.load(folders, "k", 0), "an l1 row means a scan, as no row does");

        try (Connection c = db.dataSource().getConnection();
                PreparedStatement upd = c.prepareStatement("UPDATE model_listing SET data = ? WHERE id = 1")) {
            upd.setString(1, ListingSnapshot.encode(index(), SUBTYPES, texts("k", 0)));
            upd.executeUpdate();
        }
        assertEquals(2, snapshot.load(folders, "k", 0).orElseThrow().index().size());
        assertEquals(Optional.empty(), snapshot.load("{LoRA=[/other]}", "k", 0), "made from other folders");
    }
}
