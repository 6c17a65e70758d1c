package apiary.core.t2i.internal.output;

import java.util.Locale;

/** SwarmUI's output image formats ({@code imageformat}, user setting {@code fileformat.imageformat}). */
enum ImageFormat {
    PNG("png", "image/png"),
    JPG("jpg", "image/jpeg"),
    WEBP("webp", "image/webp"),
    WEBP_LOSSLESS("webp", "image/webp");

    final String extension;
    final String mediaType;

    ImageFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** @param name a format name, any case; unknown names mean PNG @return the format */
    static ImageFormat of(String name) {
        if (name == null) {
            return PNG;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return name.equalsIgnoreCase("jpeg") ? JPG : PNG;
        }
    }
}
