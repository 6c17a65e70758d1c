package apiary.core.t2i.internal.output;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.CRC32;

/** Reads and writes PNG {@code tEXt} chunks without decoding the image: SwarmUI keeps its metadata in {@code parameters}. */
final class PngChunks {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngChunks() {
    }

    /** @param data file bytes @return whether they start like a PNG */
    static boolean isPng(byte[] data) {
        return data.length > 33 && Arrays.equals(data, 0, 8, SIGNATURE, 0, 8);
    }

    /**
     * @param png a PNG file
     * @param keyword the chunk keyword, e.g. {@code parameters}
     * @param text the text (characters outside Latin-1 become {@code ?}; callers escape them first)
     * @return a new PNG with the chunk right after {@code IHDR}, any earlier chunk of that keyword removed
     */
    static byte[] withText(byte[] png, String keyword, String text) {
        byte[] payload = (keyword + '\0' + text).getBytes(StandardCharsets.ISO_8859_1);
        // Written straight into the result (an image is copied once, not into a stream and out again).
        byte[] out = new byte[png.length + payload.length + 12];
        System.arraycopy(png, 0, out, 0, 8);
        int at = 8;
        int pos = 8;
        boolean inserted = false;
        while (pos + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            int end = pos + 12 + length;
            if (length < 0 || end > png.length) {
                throw new IllegalArgumentException("Truncated PNG chunk " + type);
            }
            boolean drop = type.equals("tEXt") && startsWithKeyword(png, pos + 8, length, keyword);
            if (!drop) {
                System.arraycopy(png, pos, out, at, end - pos);
                at += end - pos;
            }
            if (!inserted && type.equals("IHDR")) {
                at = writeChunk(out, at, "tEXt", payload);
                inserted = true;
            }
            pos = end;
        }
        if (!inserted) {
            throw new IllegalArgumentException("PNG without IHDR");
        }
        // Shorter only when an earlier chunk of that keyword was dropped, or trailing bytes after the last chunk.
        return at == out.length ? out : Arrays.copyOf(out, at);
    }

    /** @param png a PNG file @param keyword a tEXt keyword @return the text of the first such chunk */
    static Optional<String> readText(byte[] png, String keyword) {
        if (!isPng(png)) {
            return Optional.empty();
        }
        int pos = 8;
        while (pos + 8 <= png.length) {
            int length = ByteBuffer.wrap(png, pos, 4).getInt();
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (length < 0 || pos + 12 + length > png.length || type.equals("IDAT") || type.equals("IEND")) {
                break;
            }
            if (type.equals("tEXt") && startsWithKeyword(png, pos + 8, length, keyword)) {
                int start = pos + 8 + keyword.length() + 1;
                return Optional.of(new String(png, start, pos + 8 + length - start, StandardCharsets.ISO_8859_1));
            }
            pos += 12 + length;
        }
        return Optional.empty();
    }

    private static boolean startsWithKeyword(byte[] png, int start, int length, String keyword) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        return length > k.length && Arrays.equals(png, start, start + k.length, k, 0, k.length) && png[start + k.length] == 0;
    }

    /** @return the position after the chunk */
    private static int writeChunk(byte[] out, int at, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.wrap(out, at, 12 + data.length);
        b.putInt(data.length).put(typeBytes).put(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        b.putInt((int) crc.getValue());
        return at + 12 + data.length;
    }
}
