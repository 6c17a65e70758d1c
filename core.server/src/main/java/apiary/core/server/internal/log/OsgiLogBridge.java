package apiary.core.server.internal.log;

import java.util.Map;

import apiary.core.api.log.LogLevel;

import org.osgi.framework.Bundle;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.Logger;
import org.osgi.service.log.admin.LoggerAdmin;

/**
 * Brings the OSGi Log service (Felix Log) into the pipeline: SCR's messages about components, and anything a
 * bundle logs through {@code LoggerFactory}/{@code LogService}, arrive here as log entries. The log service also
 * turns every framework, bundle and service event into an entry (loggers {@code Events.Framework.<bsn>},
 * {@code Events.Bundle.<bsn>}, {@code Events.Service.<bsn>}, unaffected by log levels); those are demoted to Debug
 * and Verbose, or they would drown everything else.
 */
final class OsgiLogBridge implements LogListener {
    private static final String BUNDLE_EVENTS = "Events.Bundle.";
    private static final String FRAMEWORK_EVENTS = "Events.Framework.";
    private static final String SERVICE_EVENTS = "Events.Service.";

    private final LogPipeline pipeline;

    OsgiLogBridge(LogPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = LogLevels.fromOsgi(entry.getLogLevel().name());
        String logger = entry.getLoggerName() == null ? "" : entry.getLoggerName();
        if (level.ordinal() < LogLevel.WARNING.ordinal()) {
            if (logger.startsWith(SERVICE_EVENTS)) {
                level = LogLevel.VERBOSE;
            } else if (logger.startsWith(BUNDLE_EVENTS) || logger.startsWith(FRAMEWORK_EVENTS)) {
                level = LogLevel.DEBUG;
            }
        }
        StringBuilder text = new StringBuilder();
        Bundle bundle = entry.getBundle();
        if (bundle != null && bundle.getSymbolicName() != null) {
            text.append('[').append(bundle.getSymbolicName()).append("] ");
        }
        text.append(entry.getMessage());
        JulBridge.appendThrowable(text, entry.getException());
        pipeline.accept(level, text.toString());
    }

    /** Sets the levels the log service lets through, following the pipeline's minimum as {@link JulBridge} does. */
    static void applyMinimum(LoggerAdmin admin, LogConfig config) {
        LogLevel min = config.minimum().orElse(LogLevel.INFO);
        String root = LogLevels.toOsgi(min.ordinal() < LogLevel.INFO.ordinal() ? min : LogLevel.INFO);
        admin.getLoggerContext(null).setLogLevels(Map.of(Logger.ROOT_LOGGER_NAME, org.osgi.service.log.LogLevel.valueOf(root)));
    }
}
