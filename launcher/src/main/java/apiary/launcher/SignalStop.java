package apiary.launcher;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.launch.Framework;

/**
 * What Ctrl-C / SIGTERM does: stops the framework within a time limit and says what it waited for when the limit
 * passes. The limit holds whatever blocks: Felix only begins a stop once a start in progress is done (the thread in
 * {@code Framework.start()} holds the system bundle's lock while level 2 starts), so a signal right after the first
 * answer waits for every level-2 bundle, and one whose activation or deactivation never returns would keep the
 * process alive for good; and a log line blocks too when the console does (its pipe full, nobody reading it), which
 * stopped the old hook at its first line. So the stop runs on a thread of its own and the hook only waits for it.
 */
final class SignalStop {
    /** System property: seconds the stop may take before the process ends anyway. */
    static final String LIMIT_PROPERTY = "apiary.launcher.stopSeconds";
    static final Duration DEFAULT_LIMIT = Duration.ofSeconds(10);
    /** How long the report of a stop that timed out may take to log (the log itself may be what blocks). */
    private static final long REPORT_WAIT_MS = 1_000;
    /** Frames of each waiting thread in the report: enough to see the component being activated. */
    private static final int REPORT_FRAMES = 25;
    private static final Logger LOG = Logger.getLogger(SignalStop.class.getName());

    private SignalStop() {
    }

    /** @return the limit from {@value #LIMIT_PROPERTY}, else {@link #DEFAULT_LIMIT} */
    static Duration limit() {
        String value = System.getProperty(LIMIT_PROPERTY);
        return value == null ? DEFAULT_LIMIT : Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    /**
     * Stops the framework and waits for it, at most {@code limit} (plus a second to log the report when it passes).
     *
     * @return the exit code: 0 once the framework stopped, 1 when it did not within the limit or could not be stopped
     */
    static int stop(Framework framework, Duration limit) {
        CompletableFuture<Integer> stopped = new CompletableFuture<>();
        Thread worker = new Thread(() -> stopped.complete(stopAndWait(framework)), "apiary-stop");
        worker.setDaemon(true);
        worker.start();
        try {
            return stopped.get(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            logBriefly("The framework did not stop within " + limit.toSeconds() + " s; ending the process anyway. "
                    + waitingFor(framework));
            return 1;
        } catch (InterruptedException | ExecutionException e) {
            return 1;
        }
    }

    private static int stopAndWait(Framework framework) {
        try {
            LOG.info("Stopping Apiary");
            if (framework.getState() == Bundle.STARTING) {
                LOG.info("Bundles are still starting; the framework stops them once they are up");
            }
            if ((framework.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                framework.stop();
            }
            framework.waitForStop(0);
            return 0;
        } catch (BundleException | InterruptedException | RuntimeException e) {
            LOG.log(Level.WARNING, "Clean shutdown failed: " + e.getMessage(), e);
            return 1;
        }
    }

    /** Logs a warning unless logging blocks for more than {@link #REPORT_WAIT_MS}: the process is ending either way. */
    private static void logBriefly(String warning) {
        Thread t = new Thread(() -> LOG.warning(warning), "apiary-stop-report");
        t.setDaemon(true);
        t.start();
        try {
            t.join(REPORT_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bundles caught between states, and the stacks of the threads busy in the framework. */
    static String waitingFor(Framework framework) {
        String bundles = Arrays.stream(framework.getBundleContext() == null ? new Bundle[0] : framework.getBundleContext().getBundles())
                .filter(b -> (b.getState() & (Bundle.STARTING | Bundle.STOPPING)) != 0)
                .map(b -> b.getSymbolicName() + (b.getState() == Bundle.STARTING ? " (starting)" : " (stopping)"))
                .collect(Collectors.joining(", "));
        StringBuilder text = new StringBuilder("Framework state ").append(stateName(framework.getState()))
                .append("; bundles in transition: ").append(bundles.isEmpty() ? "none" : bundles);
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            if (e.getKey() != Thread.currentThread() && inFramework(e.getValue())) {
                text.append(System.lineSeparator()).append("Thread \"").append(e.getKey().getName()).append("\":");
                for (int i = 0; i < Math.min(REPORT_FRAMES, e.getValue().length); i++) {
                    text.append(System.lineSeparator()).append("    at ").append(e.getValue()[i]);
                }
            }
        }
        return text.toString();
    }

    private static boolean inFramework(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("org.apache.felix.framework."));
    }

    private static String stateName(int state) {
        switch (state) {
            case Bundle.STARTING:
                return "STARTING";
            case Bundle.ACTIVE:
                return "ACTIVE";
            case Bundle.STOPPING:
                return "STOPPING";
            case Bundle.RESOLVED:
                return "RESOLVED";
            default:
                return String.valueOf(state);
        }
    }
}
