package apiary.core.t2i.internal.output;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The RIFF container of WebP files: turns a simple file ({@code VP8 }/{@code VP8L}) into an extended one
 * ({@code VP8X} with the EXIF flag) carrying an {@code EXIF} chunk, and reads that chunk back.
 */
final class WebpContainer {
    private static final int EXIF_FLAG = 0x08;
    private static final int ALPHA_FLAG = 0x10;

    private WebpContainer() {
    }

    static boolean isWebp(byte[] data) {
        return data.length > 16 && tag(data, 0).equals("RIFF") && tag(data, 8).equals("WEBP");
    }

    /**
     * @param webp a WebP file
     * @param tiff the EXIF block
     * @param width canvas width
     * @param height canvas height
     * @param alpha whether the image has transparency
     * @return the extended file with the EXIF chunk
     */
    static byte[] withExif(byte[] webp, byte[] tiff, int width, int height, boolean alpha) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(webp.length + tiff.length + 32);
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        int pos = 12;
        if (tag(webp, 12).equals("VP8X")) {
            byte[] vp8x = Arrays.copyOfRange(webp, 20, 30);
            vp8x[0] |= EXIF_FLAG;
            chunk(body, "VP8X", vp8x);
            pos = 12 + 8 + 10;
        } else {
            ByteBuffer vp8x = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN);
            vp8x.put((byte) (EXIF_FLAG | (alpha ? ALPHA_FLAG : 0))).put((byte) 0).put((byte) 0).put((byte) 0);
            put24(vp8x, width - 1);
            put24(vp8x, height - 1);
            chunk(body, "VP8X", vp8x.array());
        }
        while (pos + 8 <= webp.length) {
            int size = ByteBuffer.wrap(webp, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int end = pos + 8 + size + (size & 1);
            if (!tag(webp, pos).equals("EXIF")) {
                body.write(webp, pos, Math.min(end, webp.length) - pos);
            }
            pos = end;
        }
        chunk(body, "EXIF", tiff);
        byte[] content = body.toByteArray();
        ByteBuffer out = ByteBuffer.allocate(8 + content.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(content.length).put(content);
        return out.array();
    }

    /** @param webp a WebP file @return its EXIF chunk */
    static Optional<byte[]> readExif(byte[] webp) {
        if (!isWebp(webp)) {
            return Optional.empty();
        }
        int pos = 12;
        while (pos + 8 <= webp.length) {
            int size = ByteBuffer.wrap(webp, pos + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (size < 0 || pos + 8 + size > webp.length) {
                break;
            }
            if (tag(webp, pos).equals("EXIF")) {
                byte[] exif = Arrays.copyOfRange(webp, pos + 8, pos + 8 + size);
                // Some writers keep the JPEG-style "Exif\0\0" prefix inside the chunk.
                return Optional.of(exif.length > 6 && exif[0] == 'E' && exif[1] == 'x' ? Arrays.copyOfRange(exif, 6, exif.length) : exif);
            }
            pos += 8 + size + (size & 1);
        }
        return Optional.empty();
    }

    private static void chunk(ByteArrayOutputStream out, String tag, byte[] data) {
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(data.length).array());
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void put24(ByteBuffer b, int v) {
        b.put((byte) (v & 0xFF)).put((byte) ((v >> 8) & 0xFF)).put((byte) ((v >> 16) & 0xFF));
    }

    private static String tag(byte[] data, int at) {
        return at + 4 <= data.length ? new String(data, at, 4, StandardCharsets.US_ASCII) : "";
    }
}
