package apiary.core.admin.internal.status;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The process's CPU usage as a fraction of the whole machine (0 to 1): every second, the process CPU time used
 * since the last sample divided by the wall time passed times the number of cores. Reading it never blocks.
 */
final class CpuSampler implements AutoCloseable {
    private final LongSupplier cpuNanos;
    private final int cores;
    private final ScheduledExecutorService timer;
    private long lastCpu;
    private long lastWall;
    private volatile double usage;

    CpuSampler() {
        // The platform MBean server is slow to bring up; let the sampler thread do it rather than server start-up.
        this(lazily(), Runtime.getRuntime().availableProcessors(), true);
    }

    /** For tests: a given CPU clock, sampled only when {@link #sample} is called. */
    CpuSampler(LongSupplier cpuNanos, int cores, boolean scheduled) {
        this.cpuNanos = cpuNanos;
        this.cores = Math.max(1, cores);
        if (scheduled) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "apiary-cpu-sampler");
                t.setDaemon(true);
                return t;
            });
            timer.execute(this::baseline);
            timer.scheduleAtFixedRate(() -> sample(System.nanoTime()), 1, 1, TimeUnit.SECONDS);
        } else {
            timer = null;
            baseline();
        }
    }

    private synchronized void baseline() {
        lastCpu = cpuNanos.getAsLong();
        lastWall = System.nanoTime();
    }

    synchronized void sample(long wallNanos) {
        long cpu = cpuNanos.getAsLong();
        long wall = wallNanos - lastWall;
        if (wall > 0 && cpu >= 0) {
            usage = Math.min(1.0, Math.max(0.0, (double) (cpu - lastCpu) / ((double) wall * cores)));
        }
        lastCpu = cpu;
        lastWall = wallNanos;
    }

    double usage() {
        return usage;
    }

    int cores() {
        return cores;
    }

    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static LongSupplier lazily() {
        return new LongSupplier() {
            private LongSupplier clock;

            @Override
            public synchronized long getAsLong() {
                if (clock == null) {
                    clock = processCpuTime();
                }
                return clock.getAsLong();
            }
        };
    }

    /**
     * The JVM's own process CPU clock (nanoseconds) from the platform MBean; if the JVM does not offer it, the
     * operating system's figure for this process.
     */
    private static LongSupplier processCpuTime() {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName os = new ObjectName(ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME);
            Object probe = server.getAttribute(os, "ProcessCpuTime");
            if (probe instanceof Long && (Long) probe >= 0) {
                return () -> {
                    try {
                        return (Long) server.getAttribute(os, "ProcessCpuTime");
                    } catch (Exception e) {
                        return -1;
                    }
                };
            }
        } catch (Exception | LinkageError e) {
            // Fall through to the process handle.
        }
        return () -> ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }
}
