package apiary.core.admin.internal.logs;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import apiary.core.api.log.LogLevel;
import apiary.core.api.log.LogMessage;
import apiary.core.api.log.ServerLog;

/** The server log as text for a paste: every message of a level and above, in sequence order, size-capped. */
final class LogText {
    /** Text above this size is cut in the middle. */
    static final int MAX_CHARS = 3 * 1024 * 1024;
    /** How much of the start is kept when cutting. */
    static final int KEEP_HEAD = 100 * 1024;
    /** How much of the end is kept when cutting. */
    static final int KEEP_TAIL = 2500 * 1024;
    /** What replaces the cut middle. */
    static final String CUT_MARKER = "\n\n... (log too long: the middle was cut) ...\n\n";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private LogText() {
    }

    static String gather(ServerLog log, LogLevel minimum, ZoneId zone) {
        List<LogMessage> all = new ArrayList<>();
        for (LogLevel level : LogLevel.values()) {
            if (level.ordinal() >= minimum.ordinal()) {
                all.addAll(log.messages(level.displayName(), -1));
            }
        }
        all.sort(Comparator.comparingLong(m -> m.sequenceId));
        StringBuilder text = new StringBuilder();
        for (LogMessage m : all) {
            text.append(TIME.format(m.time.atZone(zone))).append(" [").append(m.type).append("] ").append(m.message).append('\n');
        }
        return cap(text.toString());
    }

    static String cap(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        return text.substring(0, KEEP_HEAD) + CUT_MARKER + text.substring(text.length() - KEEP_TAIL);
    }
}
