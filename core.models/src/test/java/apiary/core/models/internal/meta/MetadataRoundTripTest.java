package apiary.core.models.internal.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.models.internal.SafetensorsFiles;
import apiary.core.models.internal.TestJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extraction from header and sidecars, and the header rewrite keeping every tensor byte. */
class MetadataRoundTripTest {
    private static final long LIMIT = 1 << 20;
    @TempDir
    Path dir;
    private final TestJson json = new TestJson();
    private final MetadataExtractor extractor = new MetadataExtractor(json, new ClassDetector(new ModelClassTable(false)), LIMIT);

    private Set<String> siblings() throws Exception {
        Set<String> out = new HashSet<>();
        try (var s = Files.list(dir)) {
            s.forEach(p -> out.add(p.getFileName().toString()));
        }
        return out;
    }

    @Test
    void modelspecKeysUnprefixedKeysAndSidecars() throws Exception {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("modelspec.title", "Nice Model");
        meta.put("author", "someone");
        meta.put("modelspec.tags", "a, b,,c");
        meta.put("modelspec.resolution", "640x480");
        Path f = SafetensorsFiles.write(dir.resolve("m.safetensors"), meta,
                SafetensorsFiles.keys("cond_stage_model.transformer.text_model.embeddings.position_ids"));
        Files.writeString(dir.resolve("m.civitai.info"), "{\"trainedWords\": [\"cat\", \"dog\"], \"description\": \"From civitai\"}");
        Files.write(dir.resolve("m.preview.png"), new byte[] {1, 2, 3});
        ModelMetadata m = extractor.extract(f, siblings());
        assertEquals("Nice Model", m.title());
        assertEquals("someone", m.author());
        assertEquals(List.of("a", "b", "c"), m.tags());
        assertEquals(640, m.width());
        assertEquals(480, m.height());
        assertEquals("stable-diffusion-v1", m.classId());
        assertEquals("cat, dog", m.triggerPhrase());
        assertEquals("From civitai", m.description(), "the sidecar's description is merged into the metadata");
        assertEquals(".preview.png", m.preview());
        assertNull(m.error());
    }

    @Test
    void withoutMetadataTheFileNameIsTheTitleAndTheClassGivesTheSize() throws Exception {
        Path f = SafetensorsFiles.write(dir.resolve("plain.safetensors"), Map.of(),
                SafetensorsFiles.keys("conditioner.embedders.0.transformer.text_model.embeddings.position_embedding.weight"));
        ModelMetadata m = extractor.extract(f, siblings());
        assertEquals("plain", m.title());
        assertEquals(1024, m.width());
        assertNull(m.preview());
    }

    @Test
    void aBadFileIsListedWithItsReason() throws Exception {
        Path f = Files.write(dir.resolve("broken.safetensors"), new byte[] {1, 2});
        ModelMetadata m = extractor.extract(f, siblings());
        assertEquals("broken", m.title());
        assertTrue(m.error().contains("too short"), m.error());
        ModelMetadata legacy = extractor.extract(Files.write(dir.resolve("old.ckpt"), new byte[] {1}), siblings());
        assertNull(legacy.error());
        assertEquals("old", legacy.title());
    }

    @Test
    void rewritingTheHeaderKeepsTensorsAndOtherKeysAndAligns() throws Exception {
        Path f = SafetensorsFiles.write(dir.resolve("e.safetensors"), Map.of("ss_network_module", "networks.lora", "modelspec.author", "old"),
                SafetensorsFiles.keys("a.weight", "b.weight"));
        byte[] before = Files.readAllBytes(f);
        long oldLen = SafetensorsHeader.length(f, LIMIT);
        Map<String, String> spec = new LinkedHashMap<>();
        spec.put("title", "Edited \u00e9");
        spec.put("author", "");
        new MetadataWriter(json, LIMIT).write(f, spec, false);
        long newLen = SafetensorsHeader.length(f, LIMIT);
        assertEquals(0, newLen % 8, "header padded to 8 bytes");
        byte[] after = Files.readAllBytes(f);
        assertArrayEquals(Arrays.copyOfRange(before, (int) (8 + oldLen), before.length),
                Arrays.copyOfRange(after, (int) (8 + newLen), after.length), "tensor bytes unchanged");
        Map<?, ?> meta = (Map<?, ?>) SafetensorsHeader.read(f, LIMIT, json).get("__metadata__");
        assertEquals("Edited \u00e9", meta.get("modelspec.title"));
        assertEquals("1.0.0", meta.get("modelspec.sai_model_spec"));
        assertEquals("networks.lora", meta.get("ss_network_module"));
        assertNull(meta.get("modelspec.author"), "a blank value removes the key");
        assertEquals("Edited \u00e9", extractor.extract(f, siblings()).title());
        assertEquals(1, Files.list(dir).count(), "no temporary file left");
    }

    @Test
    void otherFormatsGetASidecar() throws Exception {
        Path f = Files.write(dir.resolve("g.engine"), new byte[] {0, 1, 2});
        new MetadataWriter(json, LIMIT).write(f, Map.of("title", "Engine model"), false);
        assertEquals("Engine model", extractor.extract(f, siblings()).title());
    }

    @Test
    void theCacheTextKeepsEveryFieldAndRefusesOtherText() {
        ModelMetadata full = new ModelMetadata("T: 1;-", "", "line\nwith \u00e9 and 12:colons", ".preview.png", "flux-1-dev", 640, 480,
                "MIT", "2024", "eps", "hint", "cat, dog", "a+b", List.of("x", "", "7:y"), true, "0.8", "unet", "0xabc", "fp8_scaled",
                "Improper file");
        assertEquals(full, MetadataCodec.decode(MetadataCodec.encode(full)));
        ModelMetadata bare = ModelMetadata.bare("plain", null, null, null);
        assertEquals(bare, MetadataCodec.decode(MetadataCodec.encode(bare)));
        String text = MetadataCodec.encode(full);
        for (String bad : new String[] {"{\"title\": \"old JSON row\"}", text.substring(0, text.length() - 3), text + "1:x", "m1;99:short", ""}) {
            assertThrows(IllegalArgumentException.class, () -> MetadataCodec.decode(bad), bad);
        }
    }
}
