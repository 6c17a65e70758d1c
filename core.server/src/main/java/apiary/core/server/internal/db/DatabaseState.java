package apiary.core.server.internal.db;

import java.util.Optional;

/** Whether the server's database is open, and if not, what clients are told about it. */
public interface DatabaseState {
    /**
     * @return empty while the database is open (or being opened for the first time); otherwise a sentence for
     *         clients saying that it cannot be opened and is being retried (the details are in the log)
     */
    Optional<String> problem();
}
