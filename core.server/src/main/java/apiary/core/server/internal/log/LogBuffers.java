package apiary.core.server.internal.log;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.log.LogLevel;
import apiary.core.api.log.LogMessage;
import apiary.core.api.log.LogType;

/**
 * The in-memory log: one ring buffer per log type (the six levels, then trackers such as a backend's console), each
 * keeping its newest {@value #CAPACITY} messages, and one sequence id shared by all types so that clients can
 * merge and resume them. Thread-safe.
 */
final class LogBuffers {
    /** Messages kept per type, as SwarmUI. */
    static final int CAPACITY = 1024;
    /** Colour of tracker types (per-process consoles). */
    static final String TRACKER_COLOR = "#707070";

    private static final class Buffer {
        final LogType type;
        final ArrayDeque<LogMessage> messages = new ArrayDeque<>();

        Buffer(LogType type) {
            this.type = type;
        }
    }

    private final Map<String, Buffer> buffers = new LinkedHashMap<>();
    private long lastSequenceId;

    LogBuffers() {
        for (LogLevel level : LogLevel.values()) {
            buffers.put(level.displayName(), new Buffer(new LogType(level.displayName(), level.color(), "")));
        }
    }

    /**
     * Appends a message, dropping the oldest of its type when the buffer is full.
     *
     * @param type a level name or an open tracker's name
     * @return the stored message, or null when no such type is open
     */
    synchronized LogMessage add(String type, Instant time, String message) {
        Buffer buffer = buffers.get(type);
        if (buffer == null) {
            return null;
        }
        LogMessage m = new LogMessage(++lastSequenceId, time, type, message);
        if (buffer.messages.size() == CAPACITY) {
            buffer.messages.removeFirst();
        }
        buffer.messages.addLast(m);
        return m;
    }

    synchronized long lastSequenceId() {
        return lastSequenceId;
    }

    synchronized List<LogType> types() {
        List<LogType> out = new ArrayList<>(buffers.size());
        for (Buffer b : buffers.values()) {
            out.add(copy(b.type));
        }
        return out;
    }

    synchronized List<LogMessage> messages(String type, long afterSequenceId) {
        Buffer buffer = buffers.get(type);
        List<LogMessage> out = new ArrayList<>();
        if (buffer != null) {
            for (LogMessage m : buffer.messages) {
                if (m.sequenceId > afterSequenceId) {
                    out.add(new LogMessage(m.sequenceId, m.time, m.type, m.message));
                }
            }
        }
        return out;
    }

    synchronized LogType openTracker(String name, String identifier) {
        Buffer buffer = buffers.computeIfAbsent(name, n -> new Buffer(new LogType(n, TRACKER_COLOR, identifier)));
        return copy(buffer.type);
    }

    /** @return false for the built-in level types, which cannot be closed */
    synchronized boolean closeTracker(String name) {
        for (LogLevel level : LogLevel.values()) {
            if (level.displayName().equals(name)) {
                return false;
            }
        }
        return buffers.remove(name) != null;
    }

    private static LogType copy(LogType t) {
        return new LogType(t.name, t.color, t.identifier);
    }
}
