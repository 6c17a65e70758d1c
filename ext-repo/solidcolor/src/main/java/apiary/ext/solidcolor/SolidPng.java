package apiary.ext.solidcolor;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import apiary.core.api.backend.GenerationException;

/** A PNG of one color. */
final class SolidPng {
    private SolidPng() {
    }

    /** @return the color as 0xRRGGBB @throws GenerationException with a message for the user when it is not #RRGGBB */
    static int parseColor(String text) throws GenerationException {
        String t = text == null ? "" : text.trim();
        if (!t.matches("#[0-9a-fA-F]{6}")) {
            throw new GenerationException("Solid Color must look like #RRGGBB, not '" + text + "'.");
        }
        return Integer.parseInt(t.substring(1), 16);
    }

    static byte[] render(int width, int height, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        Arrays.fill(row, rgb);
        for (int y = 0; y < height; y++) {
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
