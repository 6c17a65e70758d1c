package apiary.core.sessions.internal.preset;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Re-encodes a preset preview sent as a data URL into a JPEG whose short side is 256 pixels, optionally carrying the
 * preview's metadata as EXIF UserComment. Only what the server wrote is ever stored, so an uploaded file cannot smuggle
 * anything but pixels; images claiming more than 64 megapixels are refused before they are decoded.
 */
public final class PreviewImages {
    /** The only accepted prefix of an uploaded preview. */
    public static final String DATA_PREFIX = "data:image/jpeg;base64,";
    static final int SHORT_SIDE = 256;
    private static final long MAX_PIXELS = 64L * 1024 * 1024;
    private static final float QUALITY = 0.9f;

    private PreviewImages() {
    }

    /** A preview that cannot be used; the message is meant for the user. */
    static final class BadPreview extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        BadPreview(String message) {
            super(message);
        }
    }

    /**
     * @param dataUrl a value starting {@link #DATA_PREFIX}
     * @param metadata text to embed, or null/empty for none
     * @return the re-encoded image as a data URL
     * @throws IllegalArgumentException when the data is not a readable image
     */
    public static String reencode(String dataUrl, String metadata) {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(dataUrl.substring(DATA_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new BadPreview("The preview image is not valid base64.");
        }
        BufferedImage scaled = scale(decode(bytes));
        byte[] jpeg = encode(scaled);
        if (metadata != null && !metadata.isEmpty()) {
            jpeg = ExifUserComment.insert(jpeg, metadata);
        }
        return DATA_PREFIX + Base64.getEncoder().encodeToString(jpeg);
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new BadPreview("The preview image is not in a readable image format.");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new BadPreview("The preview image is too large.");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (BadPreview e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Image decoders fail on malformed files with all kinds of runtime exceptions.
            throw new BadPreview("The preview image could not be read.");
        }
    }

    /** Scales so that the short side is {@link #SHORT_SIDE}, halving first so large images do not alias. */
    static BufferedImage scale(BufferedImage source) {
        int w = source.getWidth();
        int h = source.getHeight();
        double factor = (double) SHORT_SIDE / Math.min(w, h);
        int targetW = Math.max(1, (int) Math.round(w * factor));
        int targetH = Math.max(1, (int) Math.round(h * factor));
        BufferedImage current = source;
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("JPEG encoding failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
