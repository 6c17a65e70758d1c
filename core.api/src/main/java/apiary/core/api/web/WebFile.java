package apiary.core.api.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of a {@link WebFileProvider}: status, content type, the bytes (in memory, or a file on disk that the
 * server streams with {@code Range}, {@code ETag} and {@code Last-Modified} support) and how long clients may cache
 * them.
 */
public final class WebFile {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final Path file;
    private final int cacheSeconds;

    private WebFile(int status, String contentType, byte[] body, Path file, int cacheSeconds) {
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = body;
        this.file = file;
        this.cacheSeconds = cacheSeconds;
    }

    private WebFile(int status, String contentType, byte[] body, int cacheSeconds) {
        this(status, contentType, Objects.requireNonNull(body, "body"), null, cacheSeconds);
    }

    /**
     * A file served from disk without reading it into memory: the server streams it, answers {@code Range}
     * requests, and sends {@code ETag} and {@code Last-Modified} (and honours {@code If-None-Match} /
     * {@code If-Modified-Since}). A file that vanished before it is sent is answered with SwarmUI's 404.
     *
     * @param file a regular file the provider has already checked the caller may read
     * @param contentType the media type, e.g. {@code image/png}
     * @param cacheSeconds {@code Cache-Control: private, max-age} in seconds; 0 for no-store
     * @return a 200 answer
     */
    public static WebFile ofFile(Path file, String contentType, int cacheSeconds) {
        return new WebFile(200, contentType, null, Objects.requireNonNull(file, "file"), cacheSeconds);
    }

    /**
     * @param contentType the media type, e.g. {@code image/jpeg}
     * @param body the bytes
     * @param cacheSeconds {@code Cache-Control: private, max-age} in seconds; 0 for no-store
     * @return a 200 answer
     */
    public static WebFile of(String contentType, byte[] body, int cacheSeconds) {
        return new WebFile(200, contentType, body.clone(), cacheSeconds);
    }

    /**
     * SwarmUI's JSON error answer of its file routes, e.g. {@code 404, {"error":"404, file not found.","error_id":"file_not_found"}}.
     *
     * @param status the HTTP status
     * @param error the user-facing text
     * @param errorId the machine-readable id
     * @return the answer
     */
    public static WebFile error(int status, String error, String errorId) {
        String json = "{\"error\":" + quote(error) + ",\"error_id\":" + quote(errorId) + "}";
        return new WebFile(status, "application/json", json.getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }

    /** @return the media type */
    public String contentType() {
        return contentType;
    }

    /** @return a copy of the in-memory bytes; empty for a {@link #ofFile file} answer */
    public byte[] body() {
        return body == null ? new byte[0] : body.clone();
    }

    /** @return the in-memory bytes as a read-only buffer, without copying; empty for a file answer */
    public ByteBuffer bodyBuffer() {
        return body == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** @return the file to stream, for answers made with {@link #ofFile} */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** @return the cache lifetime in seconds, 0 for none */
    public int cacheSeconds() {
        return cacheSeconds;
    }
}
