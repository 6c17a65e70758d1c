package apiary.core.server.internal.log;

import java.time.Duration;
import java.util.Optional;

import apiary.core.api.log.LogLevel;

/**
 * What the {@code logs.*} settings say about output: the lowest level printed (empty for "None"), whether to write
 * the log file and where, and after how long an idle gap the date banner is repeated. Every message is kept in the
 * in-memory buffers whatever these say.
 */
record LogConfig(Optional<LogLevel> minimum, boolean saveToFile, String pathTemplate, Duration bannerAfter) {
    /** The defaults of the {@code logs} settings group. */
    static final LogConfig DEFAULTS = new LogConfig(Optional.of(LogLevel.INFO), LogSettings.DEFAULT_SAVE_TO_FILE,
            LogSettings.DEFAULT_PATH, Duration.ofMinutes(LogSettings.DEFAULT_REPEAT_MINUTES));

    /** @return whether a message of this level is printed to the console and the file */
    boolean prints(LogLevel level) {
        return minimum.isPresent() && level.ordinal() >= minimum.get().ordinal();
    }
}
