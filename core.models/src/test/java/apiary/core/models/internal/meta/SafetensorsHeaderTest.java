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

    private String reason(Path file) {
        return assertThrows(SafetensorsHeader.BadHeader.class, () -> SafetensorsHeader.read(file, LIMIT, new TestJson())).getMessage();
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
    }
}
