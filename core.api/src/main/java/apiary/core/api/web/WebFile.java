package apiary.core.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The answer of a {@link WebFileProvider}: status, content type, bytes and how long clients may cache them. */
public final class WebFile {
    private final int status;
    private final String contentType;
    private final byte[] body;
    private final int cacheSeconds;

    private WebFile(int status, String contentType, byte[] body, int cacheSeconds) {
        this.status = status;
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.body = Objects.requireNonNull(body, "body");
        this.cacheSeconds = cacheSeconds;
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

    /** @return a copy of the bytes */
    public byte[] body() {
        return body.clone();
    }

    /** @return the cache lifetime in seconds, 0 for none */
    public int cacheSeconds() {
        return cacheSeconds;
    }
}
