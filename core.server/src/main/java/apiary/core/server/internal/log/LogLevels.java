package apiary.core.server.internal.log;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;

import apiary.core.api.log.LogLevel;

/**
 * Translations between SwarmUI's log levels, {@code java.util.logging} levels (what {@link System.Logger}, Jetty's
 * slf4j and the launcher's Felix bridge write) and OSGi Log levels.
 */
final class LogLevels {
    /** The {@code logs.loglevel} value that prints nothing. */
    static final String NONE = "None";

    private LogLevels() {
    }

    /**
     * SEVERE is Error, WARNING is Warning, INFO is Info, CONFIG and FINE (System.Logger's DEBUG) are Debug, and
     * FINER/FINEST (System.Logger's TRACE) are Verbose.
     */
    static LogLevel fromJul(Level level) {
        int v = level.intValue();
        if (v >= Level.SEVERE.intValue()) {
            return LogLevel.ERROR;
        }
        if (v >= Level.WARNING.intValue()) {
            return LogLevel.WARNING;
        }
        if (v >= Level.INFO.intValue()) {
            return LogLevel.INFO;
        }
        if (v >= Level.FINE.intValue()) {
            return LogLevel.DEBUG;
        }
        return LogLevel.VERBOSE;
    }

    /** @return the JUL level that lets through exactly the messages of this level and above */
    static Level toJul(LogLevel level) {
        switch (level) {
            case VERBOSE:
                return Level.ALL;
            case DEBUG:
                return Level.FINE;
            case WARNING:
                return Level.WARNING;
            case ERROR:
                return Level.SEVERE;
            default:
                return Level.INFO;
        }
    }

    /** Maps an OSGi Log level name (AUDIT, ERROR, WARN, INFO, DEBUG, TRACE). */
    static LogLevel fromOsgi(String osgiLevel) {
        switch (osgiLevel) {
            case "ERROR":
                return LogLevel.ERROR;
            case "WARN":
                return LogLevel.WARNING;
            case "DEBUG":
                return LogLevel.DEBUG;
            case "TRACE":
                return LogLevel.VERBOSE;
            default:
                return LogLevel.INFO;
        }
    }

    /** @return the OSGi Log level name that lets through this level and above */
    static String toOsgi(LogLevel level) {
        switch (level) {
            case VERBOSE:
                return "TRACE";
            case DEBUG:
                return "DEBUG";
            case WARNING:
                return "WARN";
            case ERROR:
                return "ERROR";
            default:
                return "INFO";
        }
    }

    /**
     * @param name a level name as in {@code logs.loglevel} or a route parameter, case-insensitive
     * @return the level; empty for {@link #NONE} and unknown names
     */
    static Optional<LogLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (LogLevel level : LogLevel.values()) {
            if (level.displayName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(level);
            }
        }
        return Optional.empty();
    }
}
