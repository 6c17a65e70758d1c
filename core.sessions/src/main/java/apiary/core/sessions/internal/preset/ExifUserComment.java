package apiary.core.sessions.internal.preset;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Puts a text into a JPEG as EXIF {@code UserComment} (tag 0x9286), the way SwarmUI attaches a preset preview's
 * metadata: a minimal big-endian TIFF block with IFD0 pointing to an Exif IFD holding the one tag, encoded as
 * {@code UNICODE} (UTF-16BE). The APP1 segment goes right after the JFIF header.
 */
final class ExifUserComment {
    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] UNICODE_PREFIX = {'U', 'N', 'I', 'C', 'O', 'D', 'E', 0};
    private static final int MAX_SEGMENT = 0xFFFF;
    /** Size of everything in the segment except the comment itself. */
    private static final int OVERHEAD = 2 + EXIF_HEADER.length + 44 + UNICODE_PREFIX.length;

    private ExifUserComment() {
    }

    /**
     * @param jpeg a JPEG file starting with SOI
     * @param comment the text; cut to fit one segment
     * @return the JPEG with the comment
     */
    static byte[] insert(byte[] jpeg, String comment) {
        byte[] text = comment.getBytes(StandardCharsets.UTF_16BE);
        int maxText = (MAX_SEGMENT - OVERHEAD) & ~1;
        if (text.length > maxText) {
            byte[] cut = new byte[maxText];
            System.arraycopy(text, 0, cut, 0, maxText);
            text = cut;
        }
        byte[] segment = segment(text);
        int at = insertionPoint(jpeg);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segment.length);
        out.write(jpeg, 0, at);
        out.write(segment, 0, segment.length);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    private static byte[] segment(byte[] text) {
        int commentLength = UNICODE_PREFIX.length + text.length;
        ByteBuffer tiff = ByteBuffer.allocate(44 + commentLength);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x8769).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        tiff.putShort((short) 1).putShort((short) 0x9286).putShort((short) 7).putInt(commentLength).putInt(44).putInt(0);
        tiff.put(UNICODE_PREFIX).put(text);
        int length = 2 + EXIF_HEADER.length + tiff.capacity();
        ByteBuffer seg = ByteBuffer.allocate(2 + length);
        seg.put((byte) 0xFF).put((byte) 0xE1).putShort((short) length).put(EXIF_HEADER).put(tiff.array());
        return seg.array();
    }

    /** After SOI, and after a JFIF APP0 segment if the file has one. */
    private static int insertionPoint(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            throw new IllegalArgumentException("Not a JPEG file");
        }
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0 && jpeg.length >= 6) {
            return 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        return 2;
    }
}
