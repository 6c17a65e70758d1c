package apiary.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.launch.Framework;

/** The Ctrl-C / SIGTERM stop on a real (empty) Felix framework: a clean stop, and one that never finishes. */
class SignalStopTest {
    @TempDir
    Path storage;
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(SignalStop.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final CountDownLatch release = new CountDownLatch(1);
    private Framework framework;

    @BeforeEach
    void startFramework() throws Exception {
        log.addHandler(capture);
        framework = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString()));
        framework.start();
    }

    @AfterEach
    void stopFramework() throws Exception {
        release.countDown();
        log.removeHandler(capture);
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void aCleanStopEndsWithZero() {
        assertEquals(0, SignalStop.stop(framework, Duration.ofSeconds(30)));
        assertTrue(logged.contains("Stopping Apiary"), logged.toString());
    }

    @Test
    void aStopThatHangsEndsWithOneAtTheLimitAndSaysWhatItWaitedFor() {
        // Stands for a bundle whose deactivation never returns: the framework's stop thread blocks in it.
        framework.getBundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.STOPPING && event.getBundle().getBundleId() == 0) {
                awaitRelease();
            }
        });
        long start = System.nanoTime();
        assertEquals(1, SignalStop.stop(framework, Duration.ofMillis(500)));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMs < 10_000, "bounded by the limit, took " + tookMs + " ms");
        String report = logged.get(logged.size() - 1);
        assertTrue(report.startsWith("The framework did not stop within"), report);
        assertTrue(report.contains("Framework state STOPPING"), report);
        assertTrue(report.contains("Thread \"FelixShutdown\"") && report.contains("awaitRelease"), report);
    }

    @Test
    void aStopIsBoundedEvenWhenLoggingBlocks() {
        // Stands for a console nobody reads: its pipe full, every log line waits (the hook's first line did).
        Handler blocked = new Handler() {
            @Override
            public void publish(LogRecord record) {
                awaitRelease();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(blocked);
        try {
            long start = System.nanoTime();
            assertEquals(1, SignalStop.stop(framework, Duration.ofMillis(500)));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 5_000, "the limit and a second for the report, took " + tookMs + " ms");
        } finally {
            log.removeHandler(blocked);
        }
    }

    @Test
    void theLimitComesFromASystemProperty() {
        assertEquals(SignalStop.DEFAULT_LIMIT, SignalStop.limit());
        System.setProperty(SignalStop.LIMIT_PROPERTY, "3");
        try {
            assertEquals(Duration.ofSeconds(3), SignalStop.limit());
        } finally {
            System.clearProperty(SignalStop.LIMIT_PROPERTY);
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
