package apiary.core.t2i.internal.output;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A minimal EXIF block (big-endian TIFF: IFD0 pointing at an Exif IFD holding one {@code UserComment}), the way
 * SwarmUI stores metadata in JPEG and WebP files; and the reverse, finding a UserComment in any EXIF block.
 */
final class ExifComment {
    private static final short EXIF_IFD_POINTER = (short) 0x8769;
    private static final short USER_COMMENT = (short) 0x9286;
    private static final byte[] UNICODE = "UNICODE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASCII = "ASCII\0\0\0".getBytes(StandardCharsets.US_ASCII);

    private ExifComment() {
    }

    /** @param comment the text @return TIFF bytes (without the JPEG {@code Exif\0\0} prefix) */
    static byte[] tiff(String comment) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_16BE);
        int commentLength = UNICODE.length + text.length;
        int ifd0 = 8;
        int exifIfd = ifd0 + 2 + 12 + 4;
        int data = exifIfd + 2 + 12 + 4;
        ByteBuffer b = ByteBuffer.allocate(data + commentLength).order(ByteOrder.BIG_ENDIAN);
        b.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(ifd0);
        b.putShort((short) 1).putShort(EXIF_IFD_POINTER).putShort((short) 4).putInt(1).putInt(exifIfd).putInt(0);
        b.putShort((short) 1).putShort(USER_COMMENT).putShort((short) 7).putInt(commentLength).putInt(data).putInt(0);
        b.put(UNICODE).put(text);
        return b.array();
    }

    /** @param tiff an EXIF TIFF block @return its UserComment, if any */
    static Optional<String> read(byte[] tiff) {
        try {
            ByteBuffer b = ByteBuffer.wrap(tiff);
            if (tiff[0] == 'I' && tiff[1] == 'I') {
                b.order(ByteOrder.LITTLE_ENDIAN);
            } else if (tiff[0] != 'M' || tiff[1] != 'M') {
                return Optional.empty();
            }
            int ifd0 = b.getInt(4);
            int exif = findTag(b, ifd0, EXIF_IFD_POINTER);
            if (exif < 0) {
                return Optional.empty();
            }
            int entry = findEntry(b, b.getInt(exif), USER_COMMENT);
            if (entry < 0) {
                return Optional.empty();
            }
            int count = b.getInt(entry + 4);
            int offset = count <= 4 ? entry + 8 : b.getInt(entry + 8);
            byte[] raw = Arrays.copyOfRange(tiff, offset, offset + count);
            return Optional.of(decode(raw, b.order()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String decode(byte[] raw, ByteOrder order) {
        if (raw.length < 8) {
            return "";
        }
        byte[] body = Arrays.copyOfRange(raw, 8, raw.length);
        if (Arrays.equals(raw, 0, 8, UNICODE, 0, 8)) {
            boolean le = order == ByteOrder.LITTLE_ENDIAN && !(body.length > 1 && body[0] == 0);
            return new String(body, le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        }
        if (Arrays.equals(raw, 0, 8, ASCII, 0, 8)) {
            return new String(body, StandardCharsets.US_ASCII);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    /** @return the value (an offset) of a LONG tag in the IFD at {@code ifd}, or -1 */
    private static int findTag(ByteBuffer b, int ifd, short tag) {
        int entry = findEntry(b, ifd, tag);
        return entry < 0 ? -1 : entry + 8;
    }

    private static int findEntry(ByteBuffer b, int ifd, short tag) {
        int n = Short.toUnsignedInt(b.getShort(ifd));
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + i * 12;
            if (b.getShort(e) == tag) {
                return e;
            }
        }
        return -1;
    }
}
