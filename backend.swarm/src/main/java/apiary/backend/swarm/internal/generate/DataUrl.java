package apiary.backend.swarm.internal.generate;

import java.util.Base64;

/**
 * A {@code data:<type>;base64,<bytes>} URL as the remote sends images and previews with {@code donotsave}.
 *
 * @param mediaType the media type, e.g. {@code image/png}
 * @param data the decoded bytes
 */
public record DataUrl(String mediaType, byte[] data) {
    /**
     * @param text the URL
     * @return the decoded value
     * @throws IllegalArgumentException when it is not a base64 data URL
     */
    public static DataUrl parse(String text) {
        if (text == null || !text.startsWith("data:")) {
            throw new IllegalArgumentException("not a data: URL");
        }
        int comma = text.indexOf(',');
        int marker = text.lastIndexOf(";base64", comma);
        if (comma < 0 || marker < 0) {
            throw new IllegalArgumentException("not a base64 data: URL");
        }
        String type = text.substring(5, marker);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon);
        }
        return new DataUrl(type.isBlank() ? "application/octet-stream" : type,
                Base64.getMimeDecoder().decode(text.substring(comma + 1)));
    }
}
