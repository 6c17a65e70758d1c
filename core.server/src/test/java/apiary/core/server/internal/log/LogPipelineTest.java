package apiary.core.server.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.core.api.log.LogLevel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPipelineTest {
    @TempDir
    Path data;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everythingIsBufferedButOnlyTheMinimumAndAboveIsPrinted() throws Exception {
        LogPipeline p = new LogPipeline(data, new PrintStream(console, true, StandardCharsets.UTF_8));
        p.configure(new LogConfig(Optional.of(LogLevel.WARNING), false, "x.log", Duration.ofMinutes(10)));
        p.accept(LogLevel.DEBUG, "quiet");
        p.accept(LogLevel.ERROR, "loud");
        assertTrue(p.awaitConsole(Duration.ofSeconds(10)));
        assertEquals(1, p.buffers().messages("Debug", -1).size());
        assertFalse(console().contains("quiet"));
        assertTrue(console().matches("(?s)== Apiary logs .* ==\\R\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[Error\\] loud\\R"), console());

        p.configure(new LogConfig(Optional.empty(), false, "x.log", Duration.ofMinutes(10)));
        p.accept(LogLevel.ERROR, "silenced");
        assertTrue(p.awaitConsole(Duration.ofSeconds(10)));
        assertFalse(console().contains("silenced"));
        assertEquals(2, p.buffers().messages("Error", -1).size());
        assertNull(p.filePath());
    }

    @Test
    void fileFollowsTheSettings() throws Exception {
        LogPipeline p = new LogPipeline(data, new PrintStream(console, true, StandardCharsets.UTF_8));
        p.configure(new LogConfig(Optional.of(LogLevel.INFO), true, "Logs/a.log", Duration.ofMinutes(10)));
        p.accept(LogLevel.INFO, "to file a");
        p.configure(new LogConfig(Optional.of(LogLevel.INFO), true, "Logs/b.log", Duration.ofMinutes(10)));
        p.accept(LogLevel.INFO, "to file b");
        p.close();
        assertTrue(Files.readString(data.resolve("Logs/a.log")).contains("[Info] to file a"));
        assertFalse(Files.readString(data.resolve("Logs/a.log")).contains("to file b"));
        assertTrue(Files.readString(data.resolve("Logs/b.log")).contains("[Info] to file b"));
    }

    @Test
    void aBlockedConsoleBlocksNoLoggerAndTheFileGetsEveryLine() throws Exception {
        CountDownLatch unblock = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    unblock.await(); // a pipe nobody reads: blocks until the test lets go
                } catch (InterruptedException e) {
                    throw new IOException(e);
                }
                console.write(b, off, len);
            }
        };
        LogPipeline p = new LogPipeline(data, new PrintStream(stuck, true, StandardCharsets.UTF_8));
        p.configure(new LogConfig(Optional.of(LogLevel.INFO), true, "Logs/all.log", Duration.ofMinutes(10)));
        int lines = ConsoleQueue.CAPACITY * 3;
        // Without the queue the first line would block forever; the timeout only turns that hang into a failure.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < lines; i++) {
                p.accept(LogLevel.INFO, "line " + i);
            }
        });
        unblock.countDown();
        assertTrue(p.awaitConsole(Duration.ofSeconds(30)));
        p.close();
        assertEquals(lines, Files.readAllLines(data.resolve("Logs/all.log")).stream().filter(l -> l.contains("[Info] line ")).count());
        Matcher lost = Pattern.compile("(\\d+) log lines were not written to the console").matcher(console());
        assertTrue(lost.find(), console());
        long printed = console().lines().filter(l -> l.contains("[Info] line ")).count();
        assertEquals(lines, printed + Long.parseLong(lost.group(1)), "every line is either printed or counted as lost");
    }

    @Test
    void julRecordsArriveWithLevelsMappedAndForeignLoggersNamed() {
        LogPipeline p = new LogPipeline(data, new PrintStream(console, true, StandardCharsets.UTF_8));
        JulBridge bridge = JulBridge.install(p);
        try {
            Logger.getLogger("org.example.Lib").log(Level.WARNING, "careful {0}", "now");
            Logger.getLogger("apiary.core.Thing").log(Level.FINE, "detail");
            Logger.getLogger("org.example.Lib").log(Level.FINE, "library noise");
            Logger.getLogger("apiary.core.Thing").log(Level.SEVERE, "broke", new IllegalStateException("why"));
        } finally {
            bridge.uninstall();
        }
        assertEquals("[org.example.Lib] careful now", p.buffers().messages("Warning", -1).get(0).message);
        assertEquals("detail", p.buffers().messages("Debug", -1).get(0).message);
        assertEquals(1, p.buffers().messages("Debug", -1).size(), "third-party debug output is not collected at Info");
        String error = p.buffers().messages("Error", -1).get(0).message;
        assertTrue(error.startsWith("broke") && error.contains("IllegalStateException: why"), error);
    }

    @Test
    void levelNames() {
        assertEquals(LogLevel.VERBOSE, LogLevels.fromJul(Level.FINEST));
        assertEquals(LogLevel.DEBUG, LogLevels.fromJul(Level.CONFIG));
        assertEquals(LogLevel.ERROR, LogLevels.fromJul(Level.SEVERE));
        assertEquals(Optional.of(LogLevel.INIT), LogLevels.parse("init"));
        assertEquals(Optional.empty(), LogLevels.parse("None"));
        assertEquals(LogLevel.WARNING, LogLevels.fromOsgi("WARN"));
        assertEquals("TRACE", LogLevels.toOsgi(LogLevel.VERBOSE));
    }
}
