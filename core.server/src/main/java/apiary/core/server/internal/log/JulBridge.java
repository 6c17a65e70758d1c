package apiary.core.server.internal.log;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import apiary.core.api.log.LogLevel;

/**
 * The {@code java.util.logging} root handler that feeds the pipeline: every {@link System.Logger} of every bundle,
 * Jetty (slf4j to JUL), and the launcher's Felix framework bridge log through it. While installed it replaces the
 * root console handlers (the pipeline prints in SwarmUI's format instead); uninstalling puts them back.
 */
final class JulBridge extends Handler {
    /** Our own code always logs everything into the buffers; the console filter is the pipeline's. */
    private static final String OWN_LOGGERS = "apiary";

    private final LogPipeline pipeline;
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger root = Logger.getLogger("");
    // JUL holds loggers weakly: keep ours so its level is not forgotten.
    private final Logger own = Logger.getLogger(OWN_LOGGERS);
    private final List<Handler> removedConsoles = new ArrayList<>();
    private final Level previousRootLevel;
    private final Level previousOwnLevel;

    private JulBridge(LogPipeline pipeline) {
        this.pipeline = pipeline;
        this.previousRootLevel = root.getLevel();
        this.previousOwnLevel = own.getLevel();
    }

    static JulBridge install(LogPipeline pipeline) {
        JulBridge bridge = new JulBridge(pipeline);
        for (Handler h : bridge.root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                bridge.root.removeHandler(h);
                bridge.removedConsoles.add(h);
            }
        }
        bridge.root.addHandler(bridge);
        bridge.own.setLevel(Level.ALL);
        bridge.applyMinimum(LogConfig.DEFAULTS);
        return bridge;
    }

    /**
     * Lets third-party libraries log below INFO only when the console shows such messages: Jetty's debug output
     * is enormous, and nobody reads it unless they asked for it.
     */
    void applyMinimum(LogConfig config) {
        LogLevel min = config.minimum().orElse(LogLevel.INFO);
        root.setLevel(min.ordinal() < LogLevel.INFO.ordinal() ? LogLevels.toJul(min) : Level.INFO);
    }

    void uninstall() {
        root.removeHandler(this);
        for (Handler h : removedConsoles) {
            root.addHandler(h);
        }
        root.setLevel(previousRootLevel);
        own.setLevel(previousOwnLevel);
    }

    @Override
    public void publish(LogRecord record) {
        if (record == null) {
            return;
        }
        StringBuilder text = new StringBuilder();
        String name = record.getLoggerName();
        if (name != null && !name.isEmpty() && !name.startsWith(OWN_LOGGERS + ".")) {
            text.append('[').append(name).append("] ");
        }
        text.append(formatter.formatMessage(record));
        appendThrowable(text, record.getThrown());
        pipeline.accept(LogLevels.fromJul(record.getLevel()), text.toString());
    }

    static void appendThrowable(StringBuilder text, Throwable thrown) {
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            text.append(System.lineSeparator()).append(trace.toString().stripTrailing());
        }
    }

    @Override
    public void flush() {
        // Every line is flushed as it is written.
    }

    @Override
    public void close() {
        // The pipeline is closed by its owner.
    }
}
