package apiary.core.api.t2i;

import java.util.Objects;
import java.util.Optional;

/**
 * An image, audio or video value of a parameter ({@code initimage}, {@code maskimage}...): the decoded bytes and,
 * when the client named one of its own saved files ({@code inputs/...}, {@code raw/...}), that path, which is what
 * the image metadata records instead of the bytes. Immutable.
 */
public final class MediaInput {
    private final byte[] data;
    private final String mediaType;
    private final String sourcePath;

    /**
     * @param data the encoded file bytes
     * @param mediaType the media type, e.g. {@code image/png}
     * @param sourcePath the user-relative path it was read from, or {@code null} for inline data
     */
    public MediaInput(byte[] data, String mediaType, String sourcePath) {
        this.data = Objects.requireNonNull(data, "data").clone();
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.sourcePath = sourcePath;
    }

    /** @return a copy of the bytes */
    public byte[] data() { return data.clone(); }
    /** @return the byte count, without copying */
    public int size() { return data.length; }
    /** @return the media type */
    public String mediaType() { return mediaType; }
    /** @return the user-relative path it came from, if any */
    public Optional<String> sourcePath() { return Optional.ofNullable(sourcePath); }
}
