package apiary.core.t2i.internal.output;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What other parts of the bundle need of the image code: decoding, JPEG writing, and reading embedded metadata. */
public final class OutputImages {
    private OutputImages() {
    }

    /** @param data PNG, JPEG or WebP bytes @return the image @throws IOException when unreadable */
    public static BufferedImage decode(byte[] data) throws IOException {
        return ImageCodec.decode(data);
    }

    /** @param image an RGB image @param quality 1-100 @return JPEG bytes @throws IOException on encoder failure */
    public static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        return ImageCodec.writeJpeg(image, quality);
    }

    /**
     * Reads SwarmUI metadata the way SwarmUI accepts it: the PNG {@code parameters} chunk, or the EXIF UserComment of
     * a JPEG or WebP file, or a {@code .swarm.json} sidecar.
     *
     * @param file an image file
     * @return the metadata text
     */
    public static Optional<String> metadata(Path file) {
        try {
            String name = file.getFileName().toString();
            int dot = name.indexOf('.');
            Path sidecar = file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".swarm.json");
            // A PNG's chunk is found by its headers alone; only other formats read the file's head.
            Optional<String> embedded = PngText.read(file, "parameters");
            if (embedded.isEmpty()) {
                byte[] head = readHead(file);
                embedded = JpegExif.isJpeg(head) ? JpegExif.read(head).flatMap(ExifComment::read)
                        : WebpContainer.isWebp(head) ? WebpContainer.readExif(Files.readAllBytes(file)).flatMap(ExifComment::read)
                        : Optional.empty();
            }
            if (embedded.isPresent()) {
                return embedded;
            }
            return Files.isRegularFile(sidecar) ? Optional.of(Files.readString(sidecar)) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The first 256 KiB: PNG text chunks and JPEG EXIF sit before the pixel data. */
    private static byte[] readHead(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(256 * 1024);
        }
    }
}
