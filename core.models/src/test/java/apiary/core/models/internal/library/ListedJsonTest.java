package apiary.core.models.internal.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.RawJson;
import apiary.core.models.internal.TestJson;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.meta.ModelMetadata;

import org.junit.jupiter.api.Test;

/** A model's listed JSON is written once, and again only when the record, the classes or the preview edit id change. */
class ListedJsonTest {
    private final TestJson json = new TestJson();
    private final ModelClassTable classes = new ModelClassTable(false);

    private static ModelRecord record(String title, String preview) {
        ModelMetadata m = new ModelMetadata(title, null, null, preview, "stable-diffusion-v1", 0, 0, null, null, null, null, null,
                null, List.of("t"), false, null, null, null, "", null);
        return new ModelRecord("Stable-Diffusion", "a/m.safetensors", Path.of("/m/a/m.safetensors"), Path.of("/m"), List.of(), 1, 2, 3, m);
    }

    @Test
    void writtenOnceAndRewrittenWhenSomethingChanges() {
        ListedJson cache = new ListedJson(json);
        ModelRecord r = record("One", ".png");
        RawJson first = cache.get(r, classes);
        assertSame(first, cache.get(r, classes));
        Map<String, Object> net = json.readObject(first.json());
        assertEquals(json.readObject(json.write(ModelNetObjects.of(r.toDto(classes, Previews.url("Stable-Diffusion", r.name())), classes, false))), net);
        assertEquals(false, net.get("loaded"));

        ModelRecord edited = r.withMetadata(r.metadata().withHash("0x12"));
        RawJson second = cache.get(edited, classes);
        assertEquals("0x12", json.readObject(second.json()).get("hash"));
        assertNotSame(second, cache.get(edited, new ModelClassTable(false)), "a new class table (a rescan) writes it again");

        RawJson before = cache.get(edited, classes);
        Previews.edited();
        RawJson after = cache.get(edited, classes);
        assertNotSame(before, after);
        assertEquals(Previews.url("Stable-Diffusion", r.name()), json.readObject(after.json()).get("preview_image"));
    }

    @Test
    void storedTextsAreTakenBackForTheSameRecords() {
        ListedJson cache = new ListedJson(json);
        ModelRecord r = record("One", null);
        cache.seed(Map.of(r, "{\"stored\":true}"), classes);
        assertEquals("{\"stored\":true}", cache.get(r, classes).json(), "a copy, not a new serialisation");
        Previews.edited();
        assertEquals("{\"stored\":true}", cache.get(r, classes).json(), "no preview: the edit id does not matter");
        ModelRecord other = r.withMetadata(r.metadata().withHash("0x1"));
        assertEquals("0x1", json.readObject(cache.get(other, classes).json()).get("hash"), "another record is written");
    }

    @Test
    void theKeyFollowsTheClassTable() {
        ListedJson cache = new ListedJson(json);
        assertEquals(cache.key(classes), cache.key(new ModelClassTable(false)));
        assertNotEquals(cache.key(classes), cache.key(new ModelClassTable(true)), "SDXL base counts as another class");
    }
}
