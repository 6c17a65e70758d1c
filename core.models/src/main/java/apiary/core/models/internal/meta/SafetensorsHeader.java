package apiary.core.models.internal.meta;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.json.Json;

/**
 * Reads the header of a safetensors file without touching its tensors: an 8-byte little-endian length N, then N
 * bytes of UTF-8 JSON (tensor name to dtype/shape/offsets, plus an optional {@code __metadata__} object of strings).
 * Every way a file can be wrong ends in a {@link BadHeader} with a plain reason, never a huge allocation.
 */
public final class SafetensorsHeader {
    /** A file whose header cannot be used; the message says why. */
    public static final class BadHeader extends Exception {
        private static final long serialVersionUID = 1L;

        BadHeader(String message) {
            super(message, null, false, false);
        }
    }

    private SafetensorsHeader() {
    }

    /**
     * @param file a safetensors file
     * @param maxBytes the largest header accepted
     * @return the header length N (the tensor data starts at {@code 8 + N})
     * @throws BadHeader for a file shorter than 8 bytes or a length that is negative, over the limit or past the end
     * @throws IOException when the file cannot be read
     */
    public static long length(Path file, long maxBytes) throws IOException, BadHeader {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return length(ch, maxBytes);
        }
    }

    static long length(FileChannel ch, long maxBytes) throws IOException, BadHeader {
        long size = ch.size();
        if (size < 8) {
            throw new BadHeader("File is too short to be a safetensors file (" + size + " bytes).");
        }
        ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(ch, lenBuf, 0);
        return check(lenBuf.getLong(0), size, maxBytes);
    }

    /** @return the header length, once it is known to fit the limit and the file */
    private static long check(long len, long size, long maxBytes) throws BadHeader {
        if (len < 2) {
            throw new BadHeader("Improper safetensors file: invalid header length " + len + ".");
        }
        if (len > maxBytes) {
            throw new BadHeader("Improper safetensors file: header length " + len + " is larger than the limit of "
                    + maxBytes + " bytes.");
        }
        if (8 + len > size) {
            throw new BadHeader("Improper safetensors file: header length " + len + " runs past the end of the file ("
                    + size + " bytes); the file is probably truncated.");
        }
        return len;
    }

    /**
     * @param file a safetensors file
     * @param maxBytes the largest header accepted
     * @param json the JSON parser
     * @return the header object, in file order
     * @throws BadHeader for a bad length, bytes that are not UTF-8, or text that is not a JSON object
     * @throws IOException when the file cannot be read
     */
    public static Map<String, Object> read(Path file, long maxBytes, Json json) throws IOException, BadHeader {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long len = length(ch, maxBytes);
            ByteBuffer buf = ByteBuffer.allocate((int) len);
            readFully(ch, buf, 8);
            buf.flip();
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
            } catch (CharacterCodingException e) {
                throw new BadHeader("Improper safetensors file: the header is not UTF-8 text.");
            }
            return parse(text.strip(), json);
        }
    }

    /** What one read at the start of a file usually covers: the length and the whole header of most models. */
    private static final int FIRST_READ = 64 * 1024;

    /**
     * The library's read: the same checks as {@link #read}, in one positioned read for most files (a second one only
     * for a header over 64 KiB), keeping of each tensor only its shape.
     *
     * @param file a safetensors file
     * @param maxBytes the largest header accepted
     * @return tensor names to {@code {"shape": [...]}} and {@code __metadata__}, in file order
     * @throws BadHeader for a bad length, bytes that are not UTF-8, or text that is not a JSON object
     * @throws IOException when the file cannot be read
     */
    public static Map<String, Object> readTensorsAndMetadata(Path file, long maxBytes) throws IOException, BadHeader {
        byte[] bytes;
        int len;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 8) {
                throw new BadHeader("File is too short to be a safetensors file (" + size + " bytes).");
            }
            ByteBuffer first = ByteBuffer.allocate((int) Math.min(size, FIRST_READ)).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, first, 0);
            len = (int) check(first.getLong(0), size, Math.min(maxBytes, Integer.MAX_VALUE - 16));
            if (8 + len <= first.capacity()) {
                bytes = first.array();
            } else {
                ByteBuffer all = ByteBuffer.allocate(8 + len);
                all.put(first.array());
                readFully(ch, all, first.capacity());
                bytes = all.array();
            }
        }
        String text = new String(bytes, 8, len, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            strictUtf8(ByteBuffer.wrap(bytes, 8, len));
        }
        try {
            return HeaderJson.tensorsAndMetadata(text);
        } catch (IllegalArgumentException e) {
            throw new BadHeader("Improper safetensors file: the header is not a JSON object.");
        }
    }

    private static void strictUtf8(ByteBuffer buf) throws BadHeader {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf);
        } catch (CharacterCodingException e) {
            throw new BadHeader("Improper safetensors file: the header is not UTF-8 text.");
        }
    }

    private static Map<String, Object> parse(String text, Json json) throws BadHeader {
        Map<String, Object> header;
        try {
            header = json.readObject(text);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new BadHeader("Improper safetensors file: the header is not a JSON object.");
        }
        return header instanceof LinkedHashMap ? header : new LinkedHashMap<>(header);
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException, BadHeader {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new BadHeader("Improper safetensors file: it ends inside its header.");
            }
            pos += n;
        }
    }
}
