package apiary.core.server.internal.log;

import java.io.IOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Writes log lines in SwarmUI's console format, {@code HH:mm:ss.SSS [Level] message}, preceded by a
 * {@code == Apiary logs yyyy-MM-dd HH:mm ==} banner at the start and whenever nothing was written for a while,
 * so that the date is never far above a line. Not thread-safe: the pipeline serialises writes.
 */
class LogLineWriter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final DateTimeFormatter BANNER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NEWLINE = System.lineSeparator();

    private final Writer out;
    private final ZoneId zone;
    private Duration bannerAfter;
    private Instant lastWrite;

    /**
     * @param out where lines go; flushed after every line
     * @param zone the time zone of the timestamps
     * @param bannerAfter idle time after which the date banner is repeated
     */
    LogLineWriter(Writer out, ZoneId zone, Duration bannerAfter) {
        this.out = out;
        this.zone = zone;
        this.bannerAfter = bannerAfter;
    }

    void setBannerAfter(Duration bannerAfter) {
        this.bannerAfter = bannerAfter;
    }

    /** @return the number of characters written */
    int write(Instant time, String level, String message) throws IOException {
        StringBuilder line = new StringBuilder(message.length() + 32);
        if (lastWrite == null || Duration.between(lastWrite, time).compareTo(bannerAfter) > 0) {
            line.append("== Apiary logs ").append(BANNER.format(time.atZone(zone))).append(" ==").append(NEWLINE);
        }
        lastWrite = time;
        line.append(TIME.format(time.atZone(zone))).append(" [").append(level).append("] ").append(message).append(NEWLINE);
        out.write(line.toString());
        out.flush();
        return line.length();
    }

    void close() throws IOException {
        out.close();
    }
}
