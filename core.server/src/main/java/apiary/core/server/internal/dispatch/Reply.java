package apiary.core.server.internal.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;

/** An answer the dispatcher builds itself: an HTTP status and a JSON body. */
final class Reply {
    final int status;
    final Map<String, Object> body;

    private Reply(int status, Map<String, Object> body) {
        this.status = status;
        this.body = body;
    }

    /** SwarmUI's dispatcher-built errors put {@code error_id} first. */
    static Reply dispatcherError(int status, String errorId, String error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_id", errorId);
        body.put("error", error);
        return new Reply(status, body);
    }

    /** SwarmUI's canned error objects (and handler errors) put {@code error} first. */
    static Reply cannedError(int status, String error, String errorId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (errorId != null) {
            body.put("error_id", errorId);
        }
        return new Reply(status, body);
    }
}
