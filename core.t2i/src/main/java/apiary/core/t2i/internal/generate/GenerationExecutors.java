package apiary.core.t2i.internal.generate;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The threads generation runs on, none of them Jetty's: backend calls (each may take minutes, so a growing pool),
 * image encoding and saving (CPU work, one thread per core), and one timer for keep-alives and socket windows.
 */
@Component(service = GenerationExecutors.class)
public final class GenerationExecutors {
    private final ExecutorService backends = Executors.newCachedThreadPool(named("apiary-generate"));
    private final ExecutorService saving = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
            named("apiary-save"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("apiary-gen-timer"));

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Deactivate
    void stop() {
        backends.shutdownNow();
        saving.shutdown();
        timer.shutdownNow();
    }

    /** @return the pool backend calls run on */
    public ExecutorService backends() {
        return backends;
    }

    /** @return the pool images are encoded and saved on */
    public ExecutorService saving() {
        return saving;
    }

    /** @return the timer */
    public ScheduledExecutorService timer() {
        return timer;
    }
}
