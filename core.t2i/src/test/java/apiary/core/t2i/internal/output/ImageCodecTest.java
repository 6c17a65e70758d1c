package apiary.core.t2i.internal.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageCodecTest {
    private static final String META = "{\n  \"sui_image_params\": {\n    \"prompt\": \"caf\\u00e9\"\n  }\n}";

    static byte[] png(int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, 0xFF000000 | (x * 7 << 16) | (y * 5 << 8) | ((x + y) & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void pngGetsAParametersChunkWithoutReencoding() throws IOException {
        byte[] src = png(32, 16);
        ImageCodec.Encoded e = ImageCodec.encode(src, "image/png", ImageFormat.PNG, 100, META);
        assertEquals("png", e.extension());
        assertEquals(META, PngChunks.readText(e.data(), "parameters").orElseThrow());
        BufferedImage back = ImageIO.read(new java.io.ByteArrayInputStream(e.data()));
        assertEquals(32, back.getWidth());
        byte[] again = PngChunks.withText(e.data(), "parameters", "second");
        assertEquals("second", PngChunks.readText(again, "parameters").orElseThrow(), "an older chunk is replaced");
    }

    @Test
    void jpegCarriesTheMetadataAsExifUserComment() throws IOException {
        ImageCodec.Encoded e = ImageCodec.encode(png(40, 30), "image/png", ImageFormat.JPG, 90, META);
        assertEquals("image/jpeg", e.mediaType());
        assertEquals(META, ExifComment.read(JpegExif.read(e.data()).orElseThrow()).orElseThrow());
        assertEquals(40, ImageIO.read(new java.io.ByteArrayInputStream(e.data())).getWidth(), "still a valid JPEG");
    }

    @Test
    void webpLosslessAndLossyRoundTripWithExif() throws IOException {
        byte[] src = png(24, 20);
        for (ImageFormat f : new ImageFormat[] {ImageFormat.WEBP_LOSSLESS, ImageFormat.WEBP}) {
            ImageCodec.Encoded e = ImageCodec.encode(src, "image/png", f, 80, META);
            assertEquals("webp", e.extension());
            assertTrue(WebpContainer.isWebp(e.data()));
            assertEquals(META, ExifComment.read(WebpContainer.readExif(e.data()).orElseThrow()).orElseThrow());
            BufferedImage back = ImageCodec.decode(e.data());
            assertEquals(24, back.getWidth());
            assertEquals(20, back.getHeight());
            if (f == ImageFormat.WEBP_LOSSLESS) {
                BufferedImage orig = ImageCodec.decode(src);
                assertEquals(orig.getRGB(5, 7), back.getRGB(5, 7), "lossless keeps pixels");
            }
        }
    }

    @Test
    void exifReaderAcceptsLittleEndianAscii() {
        byte[] tiff = ExifComment.tiff("hello");
        assertEquals("hello", ExifComment.read(tiff).orElseThrow());
        assertArrayEquals(new byte[] {'M', 'M', 0, 42}, java.util.Arrays.copyOf(tiff, 4));
    }
}
