package apiary.core.models.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes real, tiny safetensors files: F16 tensors of zeros under the given names and shapes, plus metadata. */
public final class SafetensorsFiles {
    private SafetensorsFiles() {
    }

    /**
     * @param file where to write
     * @param metadata the {@code __metadata__} strings (may be empty)
     * @param tensors tensor names to shapes
     * @return the file
     */
    public static Path write(Path file, Map<String, String> metadata, Map<String, List<Long>> tensors) throws IOException {
        Map<String, Object> header = new LinkedHashMap<>();
        if (!metadata.isEmpty()) {
            header.put("__metadata__", metadata);
        }
        long offset = 0;
        for (Map.Entry<String, List<Long>> t : tensors.entrySet()) {
            long n = 2;
            for (long d : t.getValue()) {
                n *= d;
            }
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("dtype", "F16");
            info.put("shape", t.getValue());
            info.put("data_offsets", List.of(offset, offset + n));
            header.put(t.getKey(), info);
            offset += n;
        }
        byte[] json = new TestJson().write(header).getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(8 + json.length + (int) offset).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(json.length).put(json);
        Files.createDirectories(file.getParent());
        Files.write(file, out.array());
        return file;
    }

    /** @param keys tensor names @return each with shape [1] */
    public static Map<String, List<Long>> keys(String... keys) {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (String k : keys) {
            out.put(k, List.of(1L));
        }
        return out;
    }
}
