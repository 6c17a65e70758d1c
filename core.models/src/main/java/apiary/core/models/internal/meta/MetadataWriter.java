package apiary.core.models.internal.meta;

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
import java.util.Map;

import apiary.core.api.json.Json;
import apiary.core.models.internal.paths.ModelNames;

/**
 * Writes edited metadata back: into the safetensors header (all other keys and the tensor bytes kept, the header
 * padded to an 8-byte boundary with a {@code __spacer} entry) through a temporary file that atomically replaces the
 * model, so a crash leaves either the old file or the new one; or, for other formats or on request, into a
 * {@code .swarm.json} sidecar.
 */
public final class MetadataWriter {
    private static final String SPACER = "__spacer";

    private final Json json;
    private final long maxHeaderBytes;

    /**
     * @param json JSON
     * @param maxHeaderBytes the header limit
     */
    public MetadataWriter(Json json, long maxHeaderBytes) {
        this.json = json;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * @param file the model file
     * @param spec {@code modelspec.} keys without the prefix to their new values; null or blank removes a key
     * @param sidecar whether to write a {@code .swarm.json} sidecar even for a safetensors file
     * @throws IOException when the file cannot be read or written
     * @throws SafetensorsHeader.BadHeader when the header cannot be read
     */
    public void write(Path file, Map<String, String> spec, boolean sidecar) throws IOException, SafetensorsHeader.BadHeader {
        String ext = ModelNames.extension(file.getFileName().toString());
        Path json = file.resolveSibling(ModelNames.withoutExtension(file.getFileName().toString()) + ".swarm.json");
        if (sidecar || !("safetensors".equals(ext) || "sft".equals(ext))) {
            writeSidecar(json, spec);
            return;
        }
        Files.deleteIfExists(json);
        rewriteHeader(file, spec);
    }

    private void writeSidecar(Path target, Map<String, String> spec) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("modelspec.sai_model_spec", "1.0.0");
        spec.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                out.put("modelspec." + k, v);
            }
        });
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.writeString(temp, json.write(out), StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void rewriteHeader(Path file, Map<String, String> spec) throws IOException, SafetensorsHeader.BadHeader {
        long oldLength = SafetensorsHeader.length(file, maxHeaderBytes);
        Map<String, Object> header = SafetensorsHeader.read(file, maxHeaderBytes, json);
        Map<String, Object> meta = new LinkedHashMap<>();
        if (header.get("__metadata__") instanceof Map) {
            ((Map<?, ?>) header.get("__metadata__")).forEach((k, v) -> meta.put(String.valueOf(k), v instanceof String ? v : json.write(v)));
        }
        meta.remove(SPACER);
        meta.put("modelspec.sai_model_spec", "1.0.0");
        spec.forEach((k, v) -> {
            if (v == null || v.isBlank()) {
                meta.remove("modelspec." + k);
            } else {
                meta.put("modelspec." + k, v);
            }
        });
        byte[] bytes = padded(header, meta);
        Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length);
            len.flip();
            writeFully(out, len);
            writeFully(out, ByteBuffer.wrap(bytes));
            long pos = 8 + oldLength;
            long end = in.size();
            while (pos < end) {
                pos += in.transferTo(pos, end - pos, out);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The new header with {@code __metadata__} first, padded with spaces in {@code __spacer} to a multiple of 8 bytes. */
    private byte[] padded(Map<String, Object> header, Map<String, Object> meta) {
        Map<String, Object> withSpacer = new LinkedHashMap<>(meta);
        withSpacer.put(SPACER, "");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("__metadata__", withSpacer);
        header.forEach((k, v) -> {
            if (!"__metadata__".equals(k)) {
                out.put(k, v);
            }
        });
        int base = json.write(out).getBytes(StandardCharsets.UTF_8).length;
        withSpacer.put(SPACER, " ".repeat((8 - base % 8) % 8));
        return json.write(out).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }
}
