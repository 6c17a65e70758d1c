package apiary.core.api.model;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * One model download for {@link ModelDownloads#download}: where from, which subtype folder and name it gets, and the
 * checks the bytes must pass. Immutable; build with {@link #of} and the {@code with...} methods.
 */
public final class ModelDownloadRequest {
    private final URI url;
    private final String subtype;
    private final String name;
    private final String sha256;
    private final long maxBytes;

    private ModelDownloadRequest(URI url, String subtype, String name, String sha256, long maxBytes) {
        this.url = Objects.requireNonNull(url, "url");
        this.subtype = Objects.requireNonNull(subtype, "subtype");
        this.name = Objects.requireNonNull(name, "name");
        this.sha256 = sha256;
        this.maxBytes = maxBytes;
    }

    /**
     * @param url an {@code http} or {@code https} URL (redirects are followed)
     * @param subtype the model subtype, e.g. {@code LoRA}
     * @param name the model name to save as, relative to the subtype's download folder, with its extension
     * @return a request without hash check and with the server's size limit
     */
    public static ModelDownloadRequest of(URI url, String subtype, String name) {
        return new ModelDownloadRequest(url, subtype, name, null, 0);
    }

    /** @param hex the SHA-256 the file must have, hex (any case) @return a copy */
    public ModelDownloadRequest withSha256(String hex) {
        return new ModelDownloadRequest(url, subtype, name, hex, maxBytes);
    }

    /** @param limit the most bytes to accept (0: the server's limit) @return a copy */
    public ModelDownloadRequest withMaxBytes(long limit) {
        return new ModelDownloadRequest(url, subtype, name, sha256, limit);
    }

    /** @return where to download from */
    public URI url() { return url; }
    /** @return the subtype */
    public String subtype() { return subtype; }
    /** @return the model name to save as */
    public String name() { return name; }
    /** @return the expected SHA-256, when set */
    public Optional<String> sha256() { return Optional.ofNullable(sha256); }
    /** @return the size limit, 0 for the server's */
    public long maxBytes() { return maxBytes; }
}
