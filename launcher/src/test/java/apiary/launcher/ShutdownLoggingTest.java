package apiary.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/**
 * Logging from a shutdown hook reaches the handlers with the launcher's log manager. The stock one resets itself
 * from its own hook, so a line logged by a hook a moment after the signal was lost (the missing "Stopping Apiary").
 * Runs a small JVM of its own, since only a real JVM shutdown shows it.
 */
class ShutdownLoggingTest {
    @Test
    void aShutdownHookStillLogs() throws Exception {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HookThatLogs.class.getName()))
                .redirectErrorStream(true).start();
        String out = new String(child.getInputStream().readAllBytes());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("logged from the hook"), out);
    }

    @Test
    void outsideAShutdownTheJvmIsNotShuttingDown() {
        assertFalse(ShutdownLogging.shuttingDown());
    }

    /** The child JVM: a hook that logs after the log manager was reset, the order that lost the launcher's line. */
    public static final class HookThatLogs {
        public static void main(String[] args) {
            ShutdownLogging.install();
            Logger log = Logger.getLogger("apiary.test");
            log.addHandler(new ConsoleHandler());
            log.setUseParentHandlers(false);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                // What the JDK's own hook does at a moment of its choosing; here before the line, as when it won.
                LogManager.getLogManager().reset();
                log.log(Level.INFO, "logged from the hook");
            }));
            System.exit(0);
        }
    }
}
