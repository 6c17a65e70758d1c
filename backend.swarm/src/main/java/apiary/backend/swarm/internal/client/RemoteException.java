package apiary.backend.swarm.internal.client;

/** A call to the remote server that failed, with a message an admin or user can act on (never a parser's trace). */
public final class RemoteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What kind of failure it was: the callers react differently to each. */
    public enum Kind {
        /** The remote could not be reached, or the connection broke or timed out. */
        UNREACHABLE,
        /** The remote refused us: HTTP 401/403, a wrong Authorization header or missing login. */
        REFUSED,
        /** Our session on the remote is unknown there (the remote restarted): open a new one. */
        INVALID_SESSION,
        /** The remote answered, but not with what SwarmUI's API sends. */
        GARBAGE,
        /** The remote answered with an API error ({@code {"error": ...}}). */
        API_ERROR
    }

    private final Kind kind;

    /** @param kind the kind @param message what went wrong, in plain words */
    public RemoteException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** @param kind the kind @param message what went wrong @param cause the underlying failure */
    public RemoteException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return the kind of failure */
    public Kind kind() {
        return kind;
    }
}
