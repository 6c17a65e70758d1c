package apiary.ext.solidcolor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import apiary.core.api.backend.GenerationException;

import org.junit.jupiter.api.Test;

class SolidPngTest {
    @Test
    void paintsEveryPixelInTheColor() throws Exception {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(SolidPng.render(7, 3, SolidPng.parseColor("#12ab34"))));
        assertEquals(7, img.getWidth());
        assertEquals(3, img.getHeight());
        assertEquals(0x12ab34, img.getRGB(6, 2) & 0xffffff);
    }

    @Test
    void refusesWhatIsNotAColor() {
        GenerationException e = assertThrows(GenerationException.class, () -> SolidPng.parseColor("red"));
        assertEquals("Solid Color must look like #RRGGBB, not 'red'.", e.getMessage());
    }
}
