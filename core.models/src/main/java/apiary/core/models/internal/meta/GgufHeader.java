package apiary.core.models.internal.meta;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the string and number metadata of a GGUF file ({@code general.architecture} and friends) from its header:
 * magic {@code GGUF}, version, tensor and key counts, then typed key/value pairs, all little-endian. Arrays are
 * skipped; reading stops at the first tensor description, so the tensors are never touched.
 */
public final class GgufHeader {
    private static final int MAX_KEYS = 100_000;
    private static final int MAX_STRING = 1 << 20;

    private GgufHeader() {
    }

    /**
     * @param file a {@code .gguf} file
     * @return its scalar metadata by key, strings and numbers as text
     * @throws SafetensorsHeader.BadHeader when the file is not GGUF or its header is damaged
     * @throws IOException when the file cannot be read
     */
    public static Map<String, Object> read(Path file) throws IOException, SafetensorsHeader.BadHeader {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4) {
                throw new SafetensorsHeader.BadHeader("File is too short to be a GGUF file.");
            }
            if (!"GGUF".equals(new String(magic, StandardCharsets.US_ASCII))) {
                throw new SafetensorsHeader.BadHeader("Not a GGUF file.");
            }
            int version = u32(in);
            if (version < 2) {
                throw new SafetensorsHeader.BadHeader("GGUF version " + version + " is not supported.");
            }
            u64(in);
            long keys = u64(in);
            if (keys < 0 || keys > MAX_KEYS) {
                throw new SafetensorsHeader.BadHeader("Improper GGUF file: " + keys + " metadata keys.");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (long i = 0; i < keys; i++) {
                String key = string(in);
                Object value = value(in, u32(in));
                if (value != null) {
                    out.put(key, value);
                }
            }
            return out;
        } catch (java.io.EOFException e) {
            throw new SafetensorsHeader.BadHeader("Improper GGUF file: it ends inside its header; the file is probably truncated.");
        }
    }

    private static Object value(DataInputStream in, int type) throws IOException, SafetensorsHeader.BadHeader {
        switch (type) {
            case 0: case 1: return (long) in.readByte();
            case 2: case 3: return (long) Short.reverseBytes(in.readShort());
            case 4: case 5: return (long) u32(in);
            case 6: return Float.intBitsToFloat(u32(in));
            case 7: return in.readByte() != 0;
            case 8: return string(in);
            case 9: skipArray(in); return null;
            case 10: case 11: return u64(in);
            case 12: return Double.longBitsToDouble(u64(in));
            default: throw new SafetensorsHeader.BadHeader("Improper GGUF file: unknown value type " + type + ".");
        }
    }

    private static void skipArray(DataInputStream in) throws IOException, SafetensorsHeader.BadHeader {
        int type = u32(in);
        long n = u64(in);
        if (n < 0 || n > 100_000_000L) {
            throw new SafetensorsHeader.BadHeader("Improper GGUF file: an array of " + n + " entries.");
        }
        for (long i = 0; i < n; i++) {
            value(in, type);
        }
    }

    private static String string(DataInputStream in) throws IOException, SafetensorsHeader.BadHeader {
        long len = u64(in);
        if (len < 0 || len > MAX_STRING) {
            throw new SafetensorsHeader.BadHeader("Improper GGUF file: a string of " + len + " bytes.");
        }
        byte[] b = in.readNBytes((int) len);
        if (b.length != len) {
            throw new java.io.EOFException();
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private static int u32(InputStream in) throws IOException {
        return Integer.reverseBytes(new DataInputStream(in).readInt());
    }

    private static long u64(InputStream in) throws IOException {
        return Long.reverseBytes(new DataInputStream(in).readLong());
    }
}
