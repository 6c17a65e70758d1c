package apiary.core.t2i.internal.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads a PNG file's {@code tEXt} chunk of one keyword from disk by walking the chunk headers: only the headers and
 * that chunk are read, never the pixel data, so listing the metadata of a page of large images reads a few
 * kilobytes per file instead of the whole file.
 */
final class PngText {
    /** Text chunks larger than this are not metadata worth listing (SwarmUI's own are a few kilobytes). */
    private static final int MAX_TEXT = 8 * 1024 * 1024;

    private PngText() {
    }

    /**
     * @param file a file
     * @param keyword the chunk keyword, e.g. {@code parameters}
     * @return the text, empty when the file is no PNG or has no such chunk before its pixel data
     * @throws IOException when the file cannot be read
     */
    static Optional<String> read(Path file, String keyword) throws IOException {
        byte[] key = (keyword + '\0').getBytes(StandardCharsets.ISO_8859_1);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(8);
            if (!readFully(ch, head, 0) || !Arrays.equals(head.array(), PngChunks.SIGNATURE)) {
                return Optional.empty();
            }
            long pos = 8;
            long size = ch.size();
            while (pos + 8 <= size) {
                head.clear();
                if (!readFully(ch, head, pos)) {
                    return Optional.empty();
                }
                int length = head.getInt(0);
                String type = new String(head.array(), 4, 4, StandardCharsets.ISO_8859_1);
                if (length < 0 || type.equals("IDAT") || type.equals("IEND")) {
                    return Optional.empty();
                }
                if (type.equals("tEXt") && length > key.length && length <= MAX_TEXT) {
                    ByteBuffer data = ByteBuffer.allocate(length);
                    if (!readFully(ch, data, pos + 8)) {
                        return Optional.empty();
                    }
                    if (Arrays.equals(data.array(), 0, key.length, key, 0, key.length)) {
                        return Optional.of(new String(data.array(), key.length, length - key.length, StandardCharsets.ISO_8859_1));
                    }
                }
                pos += 12L + length;
            }
            return Optional.empty();
        }
    }

    private static boolean readFully(FileChannel ch, ByteBuffer buf, long at) throws IOException {
        long p = at;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, p);
            if (n < 0) {
                return false;
            }
            p += n;
        }
        return true;
    }
}
