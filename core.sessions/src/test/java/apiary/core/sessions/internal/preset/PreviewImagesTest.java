package apiary.core.sessions.internal.preset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class PreviewImagesTest {
    static String dataUrl(int w, int h, String format) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, (x * 7) << 16 | (y * 3) << 8 | 90);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return PreviewImages.DATA_PREFIX + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static byte[] bytes(String dataUrl) {
        return Base64.getDecoder().decode(dataUrl.substring(PreviewImages.DATA_PREFIX.length()));
    }

    @Test
    void landscapeIsScaledToShortSide256() throws Exception {
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(bytes(PreviewImages.reencode(dataUrl(1200, 800, "jpg"), null))));
        assertEquals(256, out.getHeight());
        assertEquals(384, out.getWidth());
    }

    @Test
    void smallPortraitPngIsScaledUpAndBecomesJpeg() throws Exception {
        byte[] jpeg = bytes(PreviewImages.reencode(dataUrl(50, 100, "png"), ""));
        assertEquals(0xFF, jpeg[0] & 0xFF);
        assertEquals(0xD8, jpeg[1] & 0xFF);
        BufferedImage out = ImageIO.read(new ByteArrayInputStream(jpeg));
        assertEquals(256, out.getWidth());
        assertEquals(512, out.getHeight());
    }

    @Test
    void metadataTravelsAsExifUserComment() throws Exception {
        byte[] jpeg = bytes(PreviewImages.reencode(dataUrl(300, 300, "jpg"), "{\"prompt\":\"a cät\"}"));
        assertEquals("{\"prompt\":\"a cät\"}", userComment(jpeg));
        assertEquals(256, ImageIO.read(new ByteArrayInputStream(jpeg)).getWidth());
    }

    /** Reads the UserComment back by walking APP1 -> TIFF -> IFD0 -> Exif IFD, as an EXIF reader would. */
    static String userComment(byte[] jpeg) {
        ByteBuffer b = ByteBuffer.wrap(jpeg);
        int pos = 2;
        while ((b.get(pos + 1) & 0xFF) != 0xE1) {
            pos += 2 + (b.getShort(pos + 2) & 0xFFFF);
        }
        int tiff = pos + 4 + 6;
        assertEquals("Exif", new String(jpeg, pos + 4, 4, StandardCharsets.US_ASCII));
        int ifd0 = tiff + b.getInt(tiff + 4);
        assertEquals(0x8769, b.getShort(ifd0 + 2) & 0xFFFF);
        int exif = tiff + b.getInt(ifd0 + 2 + 8);
        assertEquals(0x9286, b.getShort(exif + 2) & 0xFFFF);
        int count = b.getInt(exif + 2 + 4);
        int at = tiff + b.getInt(exif + 2 + 8);
        assertEquals("UNICODE", new String(jpeg, at, 7, StandardCharsets.US_ASCII));
        return new String(jpeg, at + 8, count - 8, StandardCharsets.UTF_16BE);
    }

    @Test
    void garbageIsRefusedWithAUserMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PreviewImages.reencode(PreviewImages.DATA_PREFIX + "AAAA", null));
        assertTrue(e.getMessage().startsWith("The preview image"));
        assertThrows(IllegalArgumentException.class, () -> PreviewImages.reencode(PreviewImages.DATA_PREFIX + "%%%", null));
    }
}
