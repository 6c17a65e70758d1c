package apiary.core.models.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.RawJson;
import apiary.core.models.internal.TestJson;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.meta.ModelMetadata;

import org.junit.jupiter.api.Test;

/** A model's listed JSON is written once, and again only when the record, the classes or the preview edit id change. */
class NetJsonCacheTest {
    private final TestJson json = new TestJson();
    private final ModelClassTable classes = new ModelClassTable(false);

    private static ModelRecord record(String title, String preview) {
        ModelMetadata m = new ModelMetadata(title, null, null, preview, "stable-diffusion-v1", 0, 0, null, null, null, null, null,
                null, List.of("t"), false, null, null, null, "", null);
        return new ModelRecord("Stable-Diffusion", "a/m.safetensors", Path.of("/m/a/m.safetensors"), Path.of("/m"), List.of(), 1, 2, 3, m);
    }

    @Test
    void writtenOnceAndRewrittenWhenSomethingChanges() {
        NetJsonCache cache = new NetJsonCache(json);
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
}
