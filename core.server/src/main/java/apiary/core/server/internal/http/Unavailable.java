package apiary.core.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A retryable 503 answer: SwarmUI's error shape ({@code error_id}, {@code error}) for API calls, plain text for the
 * rest, with {@code Retry-After}. The request body is not read, so the connection is closed after the answer.
 */
final class Unavailable {
    private Unavailable() {
    }

    static void answer(Request request, Response response, Callback callback, String errorId, String message,
            int retryAfterSeconds) {
        response.setStatus(503);
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfterSeconds);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        byte[] body;
        if (Request.getPathInContext(request).regionMatches(true, 0, "/API/", 0, 5)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error_id", errorId);
            json.put("error", message);
            body = JsonCodec.bytes(json);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        } else {
            body = message.getBytes(StandardCharsets.UTF_8);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        }
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
