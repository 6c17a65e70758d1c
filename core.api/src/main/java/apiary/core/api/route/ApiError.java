package apiary.core.api.route;

/**
 * A handler-level error: the dispatcher answers HTTP 200 with {@code {"error": message}} and, when an id is
 * given, {@code "error_id"} (over WebSocket: the same object as a frame, then a normal close).
 *
 * <p>This is how SwarmUI reports validation failures such as {@code {"error":"No user by that name exists."}};
 * the message is shown to end users, so it must never carry internal details.
 */
public class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String errorId;

    /**
     * @param message the user-facing text sent as {@code error}
     */
    public ApiError(String message) {
        this(message, null);
    }

    /**
     * @param message the user-facing text sent as {@code error}
     * @param errorId the machine-readable {@code error_id}, or {@code null} for none
     */
    public ApiError(String message, String errorId) {
        super(message, null, false, false);
        this.errorId = errorId;
    }

    /** @return the {@code error_id} to send, or {@code null} */
    public String errorId() {
        return errorId;
    }
}
