package apiary.core.t2i.internal.output;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Puts an EXIF APP1 segment into a JPEG file (after SOI and any JFIF APP0), and finds one again. */
final class JpegExif {
    private static final byte[] EXIF_HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

    private JpegExif() {
    }

    static boolean isJpeg(byte[] data) {
        return data.length > 4 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8;
    }

    /** @param jpeg a JPEG file without EXIF @param tiff the EXIF TIFF block @return the JPEG with the segment */
    static byte[] insert(byte[] jpeg, byte[] tiff) {
        int segmentLength = 2 + EXIF_HEADER.length + tiff.length;
        if (segmentLength > 0xFFFF) {
            throw new IllegalArgumentException("EXIF block too large for one JPEG segment");
        }
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
            at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + segmentLength + 2);
        out.write(jpeg, 0, at);
        out.write(0xFF);
        out.write(0xE1);
        out.write(segmentLength >> 8);
        out.write(segmentLength & 0xFF);
        out.writeBytes(EXIF_HEADER);
        out.writeBytes(tiff);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** @param jpeg a JPEG file @return the TIFF block of its first EXIF segment */
    static Optional<byte[]> read(byte[] jpeg) {
        if (!isJpeg(jpeg)) {
            return Optional.empty();
        }
        int pos = 2;
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            int start = pos + 4;
            if (marker == 0xE1 && length > 8 && start + length - 2 <= jpeg.length
                    && Arrays.equals(jpeg, start, start + 6, EXIF_HEADER, 0, 6)) {
                return Optional.of(Arrays.copyOfRange(jpeg, start + 6, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return Optional.empty();
    }
}
