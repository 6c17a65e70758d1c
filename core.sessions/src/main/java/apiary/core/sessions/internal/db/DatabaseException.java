package apiary.core.sessions.internal.db;

import java.sql.SQLException;

/** An unexpected database failure; callers let it propagate (the client sees only {@code internal_error}). */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
