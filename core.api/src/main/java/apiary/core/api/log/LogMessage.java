package apiary.core.api.log;

import java.time.Instant;

/** One logged message. */
public class LogMessage {
    /** The global sequence id: increasing across every log type, starting at 1. */
    public long sequenceId;
    /** When it was logged. */
    public Instant time;
    /** The log type (level or tracker name) it was written to. */
    public String type;
    /** The message text. */
    public String message;

    /** Creates an empty message (for frameworks that fill the fields). */
    public LogMessage() {
    }

    /**
     * @param sequenceId the sequence id
     * @param time the time
     * @param type the log type
     * @param message the text
     */
    public LogMessage(long sequenceId, Instant time, String type, String message) {
        this.sequenceId = sequenceId;
        this.time = time;
        this.type = type;
        this.message = message;
    }
}
