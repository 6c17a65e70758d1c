package apiary.core.t2i.internal.output;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import com.luciad.imageio.webp.WebP;
import com.luciad.imageio.webp.WebPDecoderOptions;
import com.luciad.imageio.webp.WebPEncoderOptions;

/**
 * Encodes a backend's output into the user's format with the metadata embedded the way SwarmUI does it: PNG gets a
 * {@code parameters} text chunk (a PNG from the backend is not re-encoded, only the chunk is added), JPEG and WebP an
 * EXIF UserComment. WebP goes through libwebp (ImageIO has no WebP writer). Also decodes any of the three.
 */
final class ImageCodec {
    /** An encoded file. */
    record Encoded(byte[] data, String extension, String mediaType) {
    }

    private ImageCodec() {
    }

    /**
     * @param source the backend's bytes
     * @param sourceType its media type
     * @param format the wanted format
     * @param quality 1 to 100, for lossy formats
     * @param metadata the metadata text, or null for none
     * @return the file to save
     * @throws IOException when the source is not a readable image
     */
    static Encoded encode(byte[] source, String sourceType, ImageFormat format, int quality, String metadata) throws IOException {
        if (format == ImageFormat.PNG && PngChunks.isPng(source)) {
            return new Encoded(metadata == null ? source : PngChunks.withText(source, "parameters", metadata), "png", "image/png");
        }
        BufferedImage image = decode(source);
        switch (format) {
            case JPG:
                byte[] jpeg = writeJpeg(rgb(image), quality);
                return new Encoded(metadata == null ? jpeg : JpegExif.insert(jpeg, ExifComment.tiff(metadata)), "jpg", "image/jpeg");
            case WEBP:
            case WEBP_LOSSLESS:
                byte[] webp = writeWebp(image, format == ImageFormat.WEBP_LOSSLESS, quality);
                return new Encoded(metadata == null ? webp : WebpContainer.withExif(webp, ExifComment.tiff(metadata),
                        image.getWidth(), image.getHeight(), image.getColorModel().hasAlpha()), "webp", "image/webp");
            default:
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(image, "png", out);
                byte[] png = out.toByteArray();
                return new Encoded(metadata == null ? png : PngChunks.withText(png, "parameters", metadata), "png", "image/png");
        }
    }

    /** @param data PNG, JPEG or WebP bytes @return the image @throws IOException when it is none of them */
    static BufferedImage decode(byte[] data) throws IOException {
        if (WebpContainer.isWebp(data)) {
            return decodeWebp(data);
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
        if (image == null) {
            throw new IOException("Not a PNG, JPEG or WebP image");
        }
        return image;
    }

    private static BufferedImage rgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB || image.getType() == BufferedImage.TYPE_3BYTE_BGR) {
            return image;
        }
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.drawImage(image, 0, 0, null);
        g.dispose();
        return out;
    }

    static byte[] writeJpeg(BufferedImage image, int quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(Math.max(1, Math.min(100, quality)) / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static byte[] writeWebp(BufferedImage image, boolean lossless, int quality) throws IOException {
        loadWebp();
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgba = new byte[w * h * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgba[i * 4] = (byte) (p >> 16);
            rgba[i * 4 + 1] = (byte) (p >> 8);
            rgba[i * 4 + 2] = (byte) p;
            rgba[i * 4 + 3] = (byte) (p >>> 24);
        }
        WebPEncoderOptions options = new WebPEncoderOptions();
        options.setLossless(lossless);
        options.setCompressionQuality(lossless ? 75f : Math.max(1, Math.min(100, quality)));
        byte[] out = WebP.encodeRGBA(options, rgba, w, h, w * 4);
        if (out == null || out.length == 0) {
            throw new IOException("WebP encoding failed");
        }
        return out;
    }

    private static BufferedImage decodeWebp(byte[] data) throws IOException {
        loadWebp();
        // The library fills {status, width, height, has alpha}.
        int[] info = new int[4];
        int[] argb = WebP.decode(new WebPDecoderOptions(), data, 0, data.length, info);
        if (argb == null || info[1] <= 0 || info[2] <= 0) {
            throw new IOException("Unreadable WebP image");
        }
        BufferedImage image = new BufferedImage(info[1], info[2], BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, info[1], info[2], argb, 0, info[1]);
        return image;
    }

    private static void loadWebp() throws IOException {
        if (!WebP.loadNativeLibrary()) {
            throw new IOException("The WebP library could not be loaded on this platform");
        }
    }

    /** @param data an image @return it as PNG bytes @throws UncheckedIOException when it cannot be read */
    static byte[] toPng(byte[] data) {
        try {
            if (PngChunks.isPng(data)) {
                return data;
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(decode(data), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
