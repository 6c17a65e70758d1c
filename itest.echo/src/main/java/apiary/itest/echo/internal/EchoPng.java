package apiary.itest.echo.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes real PNG files (8-bit RGB, one IDAT chunk) whose pixels follow from a seed: the same seed and size always
 * give the same bytes. No AWT, so it works headless and inside any framework.
 */
final class EchoPng {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private EchoPng() {
    }

    /**
     * @param width pixels, at least 1
     * @param height pixels, at least 1
     * @param seed decides the colours
     * @return the encoded PNG
     */
    static byte[] render(int width, int height, long seed) {
        int r0 = (int) (seed & 0xff);
        int g0 = (int) ((seed >>> 8) & 0xff);
        int b0 = (int) ((seed >>> 16) & 0xff);
        int stride = 1 + width * 3;
        byte[] raw = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int row = y * stride; // filter byte 0 (none) at raw[row]
            for (int x = 0; x < width; x++) {
                int i = row + 1 + x * 3;
                raw[i] = (byte) (r0 + x * 255 / Math.max(1, width - 1));
                raw[i + 1] = (byte) (g0 + y * 255 / Math.max(1, height - 1));
                raw[i + 2] = (byte) (b0 ^ ((x / 8 + y / 8) % 2 == 0 ? 0 : 0x80));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height);
        ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", deflate(raw));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(data);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
