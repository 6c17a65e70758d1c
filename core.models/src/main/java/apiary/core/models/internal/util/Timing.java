package apiary.core.models.internal.util;

import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Timing logs of the model library's start-up work (scan phases, the stored listing, the first listings), for
 * profiling by hand: off unless the JVM runs with {@code -Dapiary.models.timing=true} (bench/models.sh passes
 * JAVA options through {@code APIARY_JAVA_OPTS}). Wall time alone says little on two busy cores, so each line also
 * gives the CPU time of the thread that did the work.
 */
public final class Timing {
    /** Whether timing lines are logged. */
    public static final boolean ON = Boolean.getBoolean("apiary.models.timing");
    private static final System.Logger LOG = System.getLogger(Timing.class.getName());
    private static final ThreadMXBean THREADS = ON ? ManagementFactory.getThreadMXBean() : null;

    private final String what;
    private final long wall = System.nanoTime();
    private final long cpu = cpu();

    private Timing(String what) {
        this.what = what;
    }

    /** @param what what is timed @return a timer started now, or null when timing is off */
    public static Timing start(String what) {
        return ON ? new Timing(what) : null;
    }

    /** @return the current thread's CPU time in ns (0 when timing is off) */
    public static long cpu() {
        return ON ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    /**
     * Logs the time since the timer started, on this thread.
     *
     * @param t a timer from {@link #start}, or null (then nothing happens)
     * @param detail what else to say
     */
    public static void done(Timing t, String detail) {
        if (t != null) {
            LOG.log(Level.INFO, "Timing: {0}: {1} ms wall, {2} ms CPU{3}", t.what, (System.nanoTime() - t.wall) / 1_000_000,
                    (cpu() - t.cpu) / 1_000_000, detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** @param what a moment worth noting (logged only when timing is on) */
    public static void note(String what) {
        if (ON) {
            LOG.log(Level.INFO, "Timing: {0}", what);
        }
    }
}
