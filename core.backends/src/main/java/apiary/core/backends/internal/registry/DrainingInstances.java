package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Old instances that still run jobs after their entry moved on (edited, disabled, deleted, restarted): each one's
 * shutdown runs once its last job is released, or after a limit, or at once when the registry closes. Every
 * shutdown runs exactly once.
 */
final class DrainingInstances {
    private final Map<AtomicBoolean, Runnable> pending = new ConcurrentHashMap<>();
    private final Executor executor;

    /** @param executor where shutdowns run once their instance is drained */
    DrainingInstances(Executor executor) {
        this.executor = executor;
    }

    /**
     * @param drained completes when the old instance holds no jobs
     * @param limitMillis how long to wait at most
     * @param shutdown what to run then, once
     */
    void after(CompletableFuture<Void> drained, long limitMillis, Runnable shutdown) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                pending.remove(done);
                shutdown.run();
            }
        };
        pending.put(done, once);
        drained.copy().completeOnTimeout(null, limitMillis, TimeUnit.MILLISECONDS).thenRun(() -> {
            try {
                executor.execute(once);
            } catch (RejectedExecutionException closing) {
                once.run();
            }
        });
    }

    /** @return every waiting shutdown, to run now (each still runs only once) */
    List<Runnable> takeAll() {
        return new ArrayList<>(pending.values());
    }
}
