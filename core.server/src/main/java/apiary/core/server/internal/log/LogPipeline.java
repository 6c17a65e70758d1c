package apiary.core.server.internal.log;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import apiary.core.api.log.LogLevel;
import apiary.core.api.log.LogMessage;

/**
 * Where every message of the server ends up: the typed ring buffers (always), and, from the configured minimum level
 * up, the console and the log file. Messages are numbered and printed under one lock, so the console, the file and
 * the sequence ids agree on the order; the console itself is written by its own thread ({@link ConsoleQueue}), so a
 * blocked console never holds that lock.
 */
final class LogPipeline {
    private final LogBuffers buffers = new LogBuffers();
    private final Path dataDir;
    private final ZoneId zone;
    private final ConsoleQueue consoleQueue;
    private final LogLineWriter console;
    private LogConfig config = LogConfig.DEFAULTS;
    private LogFile file;

    /**
     * @param dataDir the data folder, root of relative log paths
     * @param consoleOut the console
     */
    LogPipeline(Path dataDir, PrintStream consoleOut) {
        this.dataDir = dataDir;
        this.zone = ZoneId.systemDefault();
        this.consoleQueue = new ConsoleQueue(consoleOut, ConsoleQueue.CAPACITY);
        this.console = new LogLineWriter(consoleQueue, zone, config.bannerAfter());
    }

    LogBuffers buffers() {
        return buffers;
    }

    /** Records a message at a level and prints it if the level is at or above the minimum. */
    synchronized LogMessage accept(LogLevel level, String text) {
        String message = VisibleText.of(text);
        LogMessage m = buffers.add(level.displayName(), Instant.now(), message);
        if (config.prints(level)) {
            print(m.time, level.displayName(), message);
        }
        return m;
    }

    /** Records a message in an open tracker (not printed: trackers hold other processes' consoles). */
    synchronized LogMessage track(String tracker, String message) {
        return buffers.add(tracker, Instant.now(), VisibleText.of(message));
    }

    synchronized LogConfig config() {
        return config;
    }

    /**
     * Applies new output settings; the log file is reopened only when it is switched on or its path changed.
     *
     * @throws IllegalArgumentException when the log path is outside the data folder (the file stays off)
     */
    synchronized void configure(LogConfig next) throws IOException {
        console.setBannerAfter(next.bannerAfter());
        boolean reopen = file == null || !next.saveToFile() || !file.template().equals(next.pathTemplate());
        if (reopen) {
            closeFile();
        } else {
            file.setBannerAfter(next.bannerAfter());
        }
        config = next;
        if (next.saveToFile() && file == null) {
            file = new LogFile(dataDir, next.pathTemplate(), zone, next.bannerAfter(), LogFile.ROTATE_BYTES);
        }
    }

    /** @return the current log file, or null when none is written */
    synchronized Path filePath() {
        return file == null ? null : file.path();
    }

    /** Closes the file; the console gets a moment to catch up, waited for outside the lock so loggers go on. */
    void close() {
        synchronized (this) {
            closeFile();
        }
        consoleQueue.close();
    }

    /** @return whether everything printed so far reached the console within the timeout */
    boolean awaitConsole(Duration timeout) throws InterruptedException {
        return consoleQueue.awaitWritten(timeout);
    }

    private void print(Instant time, String level, String message) {
        try {
            console.write(time, level, message);
        } catch (IOException e) {
            // The console is gone (closed stdout); the buffers and the file still have the message.
        }
        if (file != null) {
            try {
                file.write(time, level, message);
            } catch (IOException e) {
                closeFile();
                buffers.add(LogLevel.ERROR.displayName(), Instant.now(), "Log file writing stopped: " + e.getMessage());
            }
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                // Closing a broken file: nothing more to save.
            }
            file = null;
        }
    }
}
