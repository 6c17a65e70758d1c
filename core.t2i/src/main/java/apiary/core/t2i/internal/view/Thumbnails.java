package apiary.core.t2i.internal.view;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import apiary.core.t2i.internal.output.AtomicFiles;
import apiary.core.t2i.internal.output.OutputImages;

/**
 * Small JPEG previews of saved images ({@code /View/...?preview=true}), made on first request and kept in a hidden
 * {@code .previews} folder beside the user's images (history listings and {@code /View} skip hidden folders).
 */
final class Thumbnails {
    static final int SIZE = 256;

    private Thumbnails() {
    }

    /**
     * @param userRoot the user's output folder
     * @param relative the image's path in it
     * @param image the image file
     * @return the preview file, made now if missing or older than the image
     * @throws IOException when the image cannot be read
     */
    static Path of(Path userRoot, String relative, Path image) throws IOException {
        Path preview = userRoot.resolve(".previews").resolve(relative + ".jpg");
        if (Files.isRegularFile(preview) && Files.getLastModifiedTime(preview).compareTo(Files.getLastModifiedTime(image)) >= 0) {
            return preview;
        }
        BufferedImage src = OutputImages.decode(Files.readAllBytes(image));
        double scale = Math.min(1.0, SIZE / (double) Math.max(src.getWidth(), src.getHeight()));
        int w = Math.max(1, (int) Math.round(src.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(src.getHeight() * scale));
        BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = small.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.drawImage(src, 0, 0, w, h, null);
        g.dispose();
        AtomicFiles.write(preview, OutputImages.jpeg(small, 85));
        return preview;
    }
}
