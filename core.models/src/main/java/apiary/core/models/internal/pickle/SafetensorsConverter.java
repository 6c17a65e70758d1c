package apiary.core.models.internal.pickle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.Json;

/**
 * Writes a checkpoint's tensors as a safetensors file: each tensor gathered from its storage (offset and strides
 * honoured) into row-major order, optionally converted to F16, into a hidden temporary file that is then read back
 * and checked (header, offsets, size) before it takes its final name. The original is kept as {@code <name>.bak}.
 */
public final class SafetensorsConverter {
    private final Json json;

    /** @param json writes the header */
    public SafetensorsConverter(Json json) {
        this.json = json;
    }

    /**
     * @param source the checkpoint file
     * @param fp16 whether to store float tensors as F16
     * @return the new {@code .safetensors} file
     * @throws PickleRefused when the checkpoint is refused or a file with the new name exists
     * @throws IOException when reading or writing fails (nothing is left behind)
     */
    public Path convert(Path source, boolean fp16) throws IOException, PickleRefused {
        String name = source.getFileName().toString();
        Path target = source.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".safetensors");
        if (Files.exists(target)) {
            throw new PickleRefused("'" + target.getFileName() + "' already exists.");
        }
        Path temp = source.resolveSibling("." + target.getFileName() + ".converting");
        try (TorchCheckpoint ckpt = TorchCheckpoint.open(source)) {
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("__metadata__", Map.of("format", "pt"));
            long offset = 0;
            for (Map.Entry<String, PickleValues.Tensor> e : ckpt.tensors().entrySet()) {
                String dtype = outType(e.getValue().storage().dtype(), fp16);
                long size = TorchCheckpoint.numel(e.getValue()) * TensorBytes.size(dtype);
                header.put(e.getKey(), Map.of("dtype", dtype, "shape", e.getValue().shape(), "data_offsets", List.of(offset, offset + size)));
                offset += size;
            }
            byte[] head = padded(json.write(header));
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                write(out, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, head.length));
                write(out, ByteBuffer.wrap(head));
                for (PickleValues.Tensor t : ckpt.tensors().values()) {
                    byte[] raw = ckpt.bytes(t.storage());
                    write(out, ByteBuffer.wrap(TensorBytes.gather(t, raw, outType(t.storage().dtype(), fp16))));
                }
                out.force(true);
            }
            verify(temp, 8 + head.length + offset);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            Files.move(source, source.resolveSibling(name + ".bak"));
            return target;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String outType(String dtype, boolean fp16) {
        return fp16 && (dtype.equals("F32") || dtype.equals("F64") || dtype.equals("BF16")) ? "F16" : dtype;
    }

    /** The header padded with spaces to a multiple of 8 bytes, as the format recommends. */
    private static byte[] padded(String header) {
        byte[] b = header.getBytes(StandardCharsets.UTF_8);
        int pad = (8 - b.length % 8) % 8;
        return (header + " ".repeat(pad)).getBytes(StandardCharsets.UTF_8);
    }

    private void verify(Path file, long expectedSize) throws IOException, PickleRefused {
        if (Files.size(file) != expectedSize) {
            throw new PickleRefused("The converted file has the wrong size; nothing was changed.");
        }
        try {
            apiary.core.models.internal.meta.SafetensorsHeader.read(file, Long.MAX_VALUE / 4, json);
        } catch (apiary.core.models.internal.meta.SafetensorsHeader.BadHeader e) {
            throw new PickleRefused("The converted file does not read back: " + e.getMessage());
        }
    }

    private static void write(FileChannel out, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }
}
