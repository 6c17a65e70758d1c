package apiary.core.t2i.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PngTextTest {
    @TempDir
    Path dir;

    private static byte[] png(int size) throws Exception {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < size; i++) {
            img.setRGB(i, (i * 7) % size, 0x123456 * i);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    @Test
    void theParametersChunkIsFoundWithoutReadingThePixels() throws Exception {
        byte[] withText = PngChunks.withText(PngChunks.withText(png(256), "other", "x"), "parameters", "{\"sui_image_params\": {}}");
        Path file = Files.write(dir.resolve("a.png"), withText);
        assertEquals(Optional.of("{\"sui_image_params\": {}}"), PngText.read(file, "parameters"));
        assertEquals(Optional.of("x"), PngText.read(file, "other"));
        assertEquals(PngChunks.readText(withText, "parameters"), PngText.read(file, "parameters"), "same answer as from bytes");
    }

    @Test
    void noChunkNoPngAndCutOffFilesGiveNothing() throws Exception {
        assertEquals(Optional.empty(), PngText.read(Files.write(dir.resolve("plain.png"), png(16)), "parameters"));
        assertEquals(Optional.empty(), PngText.read(Files.writeString(dir.resolve("t.png"), "not a png at all"), "parameters"));
        byte[] full = PngChunks.withText(png(16), "parameters", "y".repeat(1000));
        assertEquals(Optional.empty(), PngText.read(Files.write(dir.resolve("cut.png"), java.util.Arrays.copyOf(full, 200)), "parameters"));
    }
}
