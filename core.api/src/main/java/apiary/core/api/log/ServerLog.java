package apiary.core.api.log;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server's one logging pipeline, fed by every bundle, Jetty and the framework, kept as a ring buffer of the
 * last 1024 messages per log type, with one global sequence id, and also written to the console and a log file.
 *
 * <p>Normal code logs with {@link System.Logger}; this service is for reading the buffers and for trackers
 * (per-process logs such as a self-started ComfyUI's output).
 */
@ProviderType
public interface ServerLog {
    /** @return every log type: the six levels first, then open trackers */
    List<LogType> types();

    /** @return the highest sequence id handed out so far, 0 when nothing was logged */
    long lastSequenceId();

    /**
     * @param type a type name, case-sensitive
     * @param afterSequenceId only messages with a higher sequence id are returned
     * @return the buffered messages of that type, oldest first; empty for unknown types
     */
    List<LogMessage> messages(String type, long afterSequenceId);

    /**
     * Writes a message at a level.
     *
     * @param level the level
     * @param message the text
     */
    void log(LogLevel level, String message);

    /**
     * Opens (or returns the already open) tracker, a log type of its own.
     *
     * @param name the type name, e.g. {@code ComfyUI-0}
     * @param identifier a stable identifier, e.g. {@code backend-0}
     * @return the type
     */
    LogType openTracker(String name, String identifier);

    /**
     * Writes a message to an open tracker.
     *
     * @param name the tracker name
     * @param message the text
     */
    void write(String name, String message);

    /** @param name a tracker to remove with its buffer */
    void closeTracker(String name);
}
