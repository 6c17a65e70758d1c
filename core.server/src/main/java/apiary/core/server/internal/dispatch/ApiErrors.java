package apiary.core.server.internal.dispatch;

/** Every error the dispatcher answers by itself, with SwarmUI's exact ids, texts, key order and statuses. */
final class ApiErrors {
    private ApiErrors() {
    }

    static final Reply WRONG_CONTENT_TYPE = Reply.dispatcherError(400, "basic_api", "Wrong content type");
    static final Reply BAD_CONTENT_LENGTH = Reply.dispatcherError(400, "basic_api", "bad content length");
    static final Reply NULL_INPUT = Reply.dispatcherError(400, "basic_api", "null input");
    static final Reply MISSING_SESSION = Reply.dispatcherError(400, "basic_api", "missing session id");
    static final Reply INVALID_SESSION = Reply.cannedError(401, "Invalid session ID. You may need to refresh the page.", "invalid_session_id");
    static final Reply BAD_ROUTE_HTTP = Reply.dispatcherError(400, "bad_route", "Unknown API route");
    static final Reply BAD_ROUTE_WS = Reply.cannedError(400, "Unknown API route.", "bad_route");
    static final Reply NEEDS_WEBSOCKET = Reply.dispatcherError(400, "bad_request_method", "API route needs websocket, request is HTTP");
    static final Reply NEEDS_HTTP = Reply.dispatcherError(400, "bad_request_method", "API route needs HTTP, request is websocket");
    static final Reply BAD_PERMISSIONS_HTTP = Reply.dispatcherError(400, "bad_permissions", "You lack permissions for this route.");
    static final Reply BAD_PERMISSIONS_WS = Reply.cannedError(400, "You lack permissions for this route.", "bad_permissions");
    static final Reply INTERNAL_ERROR = Reply.dispatcherError(400, "internal_error", "An internal error occurred");
    static final Reply NO_RESULT = Reply.dispatcherError(400, "no_result", "API call did not return any output");
    static final Reply BUSY = Reply.dispatcherError(503, "server_busy", "The server is receiving too many large requests at once; try again shortly.");
    static final Reply BODY_TOO_SLOW = Reply.dispatcherError(408, "basic_api", "The request body did not arrive in time.");

    /** @return the refusal of a body larger than its route accepts, naming the limit */
    static Reply tooLarge(long limitBytes) {
        String limit = limitBytes >= 1024 * 1024 ? (limitBytes >> 20) + " MiB" : Math.max(1, limitBytes >> 10) + " KiB";
        return Reply.dispatcherError(400, "basic_api", "Request too large: this route accepts at most " + limit + ".");
    }
}
