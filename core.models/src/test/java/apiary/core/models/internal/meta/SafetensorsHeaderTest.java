package apiary.core.models.internal.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import apiary.core.models.internal.SafetensorsFiles;
import apiary.core.models.internal.TestJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The corrupt-file corpus against the header reader: every case a clear reason, no huge allocation. */
class SafetensorsHeaderTest {
    private static final long LIMIT = 1024 * 1024;
    @TempDir
    Path dir;

    private Path raw(String name, long length, byte[] rest) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 + rest.length).order(ByteOrder.LITTLE_ENDIAN).putLong(length).put(rest);
        return Files.write(dir.resolve(name), b.array());
    }

    /** The same reason from both readers: the full one (edits) and the library's. */
    private String reason(Path file) {
        String full = assertThrows(SafetensorsHeader.BadHeader.class, () -> SafetensorsHeader.read(file, LIMIT, new TestJson())).getMessage();
        String lean = assertThrows(SafetensorsHeader.BadHeader.class, () -> SafetensorsHeader.readTensorsAndMetadata(file, LIMIT)).getMessage();
        assertEquals(full, lean, file.getFileName().toString());
        return full;
    }

    @Test
    void aRealHeaderIsRead() throws Exception {
        Path f = SafetensorsFiles.write(dir.resolve("a.safetensors"), Map.of("modelspec.title", "A"), SafetensorsFiles.keys("x.weight"));
        Map<String, Object> h = SafetensorsHeader.read(f, LIMIT, new TestJson());
        assertEquals(Map.of("modelspec.title", "A"), h.get("__metadata__"));
        assertTrue(h.containsKey("x.weight"));
    }

    @Test
    void badFilesGetAReason() throws Exception {
        assertTrue(reason(Files.write(dir.resolve("short.safetensors"), new byte[3])).contains("too short"));
        assertTrue(reason(raw("past-end.safetensors", 500, "{}".getBytes(StandardCharsets.UTF_8))).contains("truncated"));
        assertTrue(reason(raw("huge.safetensors", 200L * 1024 * 1024, new byte[10])).contains("larger than the limit"));
        assertTrue(reason(raw("negative.safetensors", -5, new byte[10])).contains("invalid header length"));
        assertTrue(reason(raw("notjson.safetensors", 5, "hello".getBytes(StandardCharsets.UTF_8))).contains("not a JSON object"));
        assertTrue(reason(raw("array.safetensors", 2, "[]".getBytes(StandardCharsets.UTF_8))).contains("not a JSON object"));
        assertTrue(reason(raw("latin1.safetensors", 4, new byte[] {'"', (byte) 0xff, (byte) 0xfe, '"'})).contains("not UTF-8"));
        for (String bad : new String[] {"{\"a\": }", "{\"a\": [1, 2}", "{\"a\" 1}", "{\"a\": \"open", "{\"a\": tru}",
            "{\"a\": \"\\q\"}", "{\"a\": {\"shape\": [1,]}}", "{" + "[".repeat(100_000), "{\"a\": " + "[".repeat(100_000)}) {
            byte[] b = bad.getBytes(StandardCharsets.UTF_8);
            assertTrue(reason(raw("bad.safetensors", b.length, b)).contains("not a JSON object"), bad);
        }
    }

    @Test
    void theLibrarysReadKeepsMetadataAndShapesAsTheFullReaderSeesThem() throws Exception {
        Map<String, String> meta = new java.util.LinkedHashMap<>();
        meta.put("modelspec.title", "Caf\u00e9 \"quoted\" \\ \ud83d\ude00\n\t/");
        meta.put("modelspec.description", "x".repeat(70_000));
        meta.put("", "empty key");
        Map<String, java.util.List<Long>> tensors = new java.util.LinkedHashMap<>();
        tensors.put("model.diffusion_model.input_blocks.0.0.weight", java.util.List.of(320L, 4L, 3L, 3L));
        tensors.put("big", java.util.List.of(9_000_000_000L));
        Path f = SafetensorsFiles.write(dir.resolve("big-header.safetensors"), meta, tensors);
        Map<String, Object> full = SafetensorsHeader.read(f, LIMIT, new TestJson());
        Map<String, Object> lean = SafetensorsHeader.readTensorsAndMetadata(f, LIMIT);
        assertEquals(full.get("__metadata__"), lean.get("__metadata__"), "a header over 64 KiB is read in full");
        assertEquals(java.util.List.copyOf(full.keySet()), java.util.List.copyOf(lean.keySet()));
        assertEquals(Map.of("shape", java.util.List.of(320L, 4L, 3L, 3L)), lean.get("model.diffusion_model.input_blocks.0.0.weight"));
        assertEquals(Map.of("shape", java.util.List.of(9_000_000_000L)), lean.get("big"));

        byte[] odd = "{\"__metadata__\": {\"n\": 1.5e3, \"b\": true, \"z\": null, \"l\": [{}, []]}, \"t\": {\"dtype\": \"F16\", \"shape\": []}}   "
                .getBytes(StandardCharsets.UTF_8);
        Path g = raw("odd.safetensors", odd.length, odd);
        assertEquals(SafetensorsHeader.read(g, LIMIT, new TestJson()).get("__metadata__"), SafetensorsHeader.readTensorsAndMetadata(g, LIMIT).get("__metadata__"));
        assertEquals(Map.of("shape", java.util.List.of()), SafetensorsHeader.readTensorsAndMetadata(g, LIMIT).get("t"));
    }
}
