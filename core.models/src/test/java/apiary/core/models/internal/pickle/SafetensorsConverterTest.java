package apiary.core.models.internal.pickle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.models.internal.TestJson;
import apiary.core.models.internal.meta.SafetensorsHeader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conversion of checkpoints the test writes itself, and refusal of ones that would run code. */
class SafetensorsConverterTest {
    @TempDir
    Path dir;
    private final TestJson json = new TestJson();

    private static CheckpointWriter.F32 f32(List<Long> shape, float... values) {
        return new CheckpointWriter.F32(shape, values);
    }

    private float[] floats(Path file, String tensor) throws Exception {
        Map<String, Object> h = SafetensorsHeader.read(file, 1 << 20, json);
        List<?> offsets = (List<?>) ((Map<?, ?>) h.get(tensor)).get("data_offsets");
        long start = 8 + SafetensorsHeader.length(file, 1 << 20) + ((Number) offsets.get(0)).longValue();
        long end = 8 + SafetensorsHeader.length(file, 1 << 20) + ((Number) offsets.get(1)).longValue();
        ByteBuffer b = ByteBuffer.wrap(Arrays.copyOfRange(Files.readAllBytes(file), (int) start, (int) end)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getFloat();
        }
        return out;
    }

    @Test
    void plainTensorsAndNestedDictsConvert() throws Exception {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("weight", f32(List.of(2L, 2L), 1f, 2f, 3f, 4f));
        Map<String, Object> sd = new LinkedHashMap<>();
        sd.put("model.bias", f32(List.of(3L), 0.5f, -1f, 2f));
        sd.put("block", nested);
        Map<String, Object> ckpt = new LinkedHashMap<>();
        ckpt.put("state_dict", sd);
        ckpt.put("global_step", 1234L);
        Path source = CheckpointWriter.write(dir.resolve("m.ckpt"), ckpt);
        Path out = new SafetensorsConverter(json).convert(source, false);
        assertEquals(dir.resolve("m.safetensors"), out);
        Map<String, Object> h = SafetensorsHeader.read(out, 1 << 20, json);
        assertEquals(List.of("__metadata__", "model.bias", "block.weight"), List.copyOf(h.keySet()));
        assertEquals("F32", ((Map<?, ?>) h.get("block.weight")).get("dtype"));
        assertEquals(List.of(2, 2), ((Map<?, ?>) h.get("block.weight")).get("shape"));
        assertTrue(Arrays.equals(new float[] {1f, 2f, 3f, 4f}, floats(out, "block.weight")));
        assertTrue(Arrays.equals(new float[] {0.5f, -1f, 2f}, floats(out, "model.bias")));
        assertEquals(0, SafetensorsHeader.length(out, 1 << 20) % 8);
        assertFalse(Files.exists(source), "the original is set aside");
        assertTrue(Files.exists(dir.resolve("m.ckpt.bak")));
    }

    @Test
    void fp16HalvesFloats() throws Exception {
        Path source = CheckpointWriter.write(dir.resolve("h.pt"), Map.of("w", f32(List.of(4L), 1f, -2.5f, 65504f, 1e-8f)));
        Path out = new SafetensorsConverter(json).convert(source, true);
        Map<?, ?> w = (Map<?, ?>) SafetensorsHeader.read(out, 1 << 20, json).get("w");
        assertEquals("F16", w.get("dtype"));
        byte[] all = Files.readAllBytes(out);
        ByteBuffer b = ByteBuffer.wrap(all, (int) (8 + SafetensorsHeader.length(out, 1 << 20)), 8).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((short) 0x3c00, b.getShort());
        assertEquals((short) 0xc100, b.getShort());
        assertEquals((short) 0x7bff, b.getShort());
        assertEquals((short) 0x0000, b.getShort(), "too small for half precision: zero");
        assertEquals((short) 0x3555, TensorBytes.toHalf(1f / 3f));
        assertEquals((short) 0x7c00, TensorBytes.toHalf(1e6f));
    }

    @Test
    void aPickleThatCallsAFunctionIsRefusedAndNothingHappens() throws Exception {
        Path marker = dir.resolve("pwned");
        for (String[] target : new String[][] {{"os", "system"}, {"posix", "system"}, {"builtins", "eval"}, {"subprocess", "Popen"}}) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.write(0x80);
            p.write(2);
            p.writeBytes(("c" + target[0] + "\n" + target[1] + "\n").getBytes(StandardCharsets.US_ASCII));
            byte[] cmd = ("touch " + marker).getBytes(StandardCharsets.UTF_8);
            p.write('X');
            p.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(cmd.length).array());
            p.writeBytes(cmd);
            p.write(0x85);
            p.write('R');
            p.write('.');
            Path evil = CheckpointWriter.zip(dir.resolve("evil.ckpt"), p.toByteArray(), Map.of());
            PickleRefused e = assertThrows(PickleRefused.class, () -> new SafetensorsConverter(json).convert(evil, false));
            assertTrue(e.getMessage().contains(target[0] + "." + target[1]), e.getMessage());
            assertFalse(Files.exists(marker));
            assertEquals(List.of("evil.ckpt"), Files.list(dir).map(f -> f.getFileName().toString()).toList(), "nothing written");
            Files.delete(evil);
        }
    }

    @Test
    void truncatedAndForeignFilesAreRefused() throws Exception {
        Path good = CheckpointWriter.write(dir.resolve("t.ckpt"), Map.of("w", f32(List.of(64L), new float[64])));
        byte[] bytes = Files.readAllBytes(good);
        Files.write(good, Arrays.copyOf(bytes, bytes.length / 2));
        assertThrows(PickleRefused.class, () -> new SafetensorsConverter(json).convert(good, false));
        Path legacy = Files.write(dir.resolve("legacy.pt"), new byte[] {(byte) 0x80, 2, 'N', '.'});
        assertTrue(assertThrows(PickleRefused.class, () -> new SafetensorsConverter(json).convert(legacy, false))
                .getMessage().startsWith("Not a PyTorch zip checkpoint"));
        assertEquals(List.of("legacy.pt", "t.ckpt"), Files.list(dir).map(f -> f.getFileName().toString()).sorted().toList());
    }
}
