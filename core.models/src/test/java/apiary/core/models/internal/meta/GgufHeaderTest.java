package apiary.core.models.internal.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import apiary.core.models.internal.TestJson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GGUF metadata: the architecture key drives the class; damaged files get a reason. */
class GgufHeaderTest {
    @TempDir
    Path dir;

    private static byte[] le(int n, long v) {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        if (n == 4) {
            b.putInt((int) v);
        } else {
            b.putLong(v);
        }
        return b.array();
    }

    private static void string(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(le(8, b.length));
        out.writeBytes(b);
    }

    private Path gguf(String arch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(4, 3));
        out.writeBytes(le(8, 0));
        out.writeBytes(le(8, 3));
        string(out, "general.architecture");
        out.writeBytes(le(4, 8));
        string(out, arch);
        string(out, "general.file_type");
        out.writeBytes(le(4, 4));
        out.writeBytes(le(4, 7));
        string(out, "tokenizer.tokens");
        out.writeBytes(le(4, 9));
        out.writeBytes(le(4, 8));
        out.writeBytes(le(8, 2));
        string(out, "a");
        string(out, "b");
        return Files.write(dir.resolve("m.gguf"), out.toByteArray());
    }

    @Test
    void architectureAndScalarsAreRead() throws Exception {
        Map<String, Object> h = GgufHeader.read(gguf("flux"));
        assertEquals(Map.of("general.architecture", "flux", "general.file_type", 7L), h);
        MetadataExtractor x = new MetadataExtractor(new TestJson(), new ClassDetector(new ModelClassTable(false)), 1 << 20);
        ModelMetadata m = x.extract(dir.resolve("m.gguf"), Set.of("m.gguf"));
        assertEquals("Flux.1-dev", m.classId());
        assertEquals("gguf", m.specialFormat());
    }

    @Test
    void damagedFilesGetAReason() throws Exception {
        byte[] good = Files.readAllBytes(gguf("sd3"));
        Path cut = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(good, 30));
        assertTrue(assertThrows(SafetensorsHeader.BadHeader.class, () -> GgufHeader.read(cut)).getMessage().contains("truncated"));
        Path other = Files.write(dir.resolve("other.gguf"), "not gguf at all".getBytes(StandardCharsets.US_ASCII));
        assertEquals("Not a GGUF file.", assertThrows(SafetensorsHeader.BadHeader.class, () -> GgufHeader.read(other)).getMessage());
    }
}
