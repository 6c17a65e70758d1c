package apiary.core.models.internal.library;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The model library's one background thread: scans, the cache writes after them and the tasks others run after each
 * scan, in the order they were queued.
 */
final class ScanThread {
    private static final System.Logger LOG = System.getLogger(ScanThread.class.getName());

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "apiary-model-scan");
        t.setDaemon(true);
        return t;
    });
    private final List<Runnable> afterEachScan = new CopyOnWriteArrayList<>();
    private final CompletionStage<Void> up;

    /** @param up when the framework is up: the first run of a task after each scan waits for it */
    ScanThread(CompletionStage<Void> up) {
        this.up = up;
    }

    /** @param task a scan @return completes when it has run */
    CompletableFuture<Void> submit(Runnable task) {
        return CompletableFuture.runAsync(task, thread);
    }

    /** Queues a task; once the library stops, nothing more is queued (nor needs to be). */
    void later(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.log(Level.DEBUG, "Model library stopped; a pending write is dropped");
        }
    }

    /** Queues the tasks to run after a scan. */
    void scanned() {
        later(() -> afterEachScan.forEach(ScanThread::runQuietly));
    }

    /**
     * @param task runs after each scan from now on, and once after the scan under way, if any, or at once (once the
     *        framework is up: these tasks fill caches, which the bundles still starting need the cores more)
     */
    void afterEachScan(Runnable task) {
        afterEachScan.add(task);
        up.thenRun(() -> later(() -> runQuietly(task)));
    }

    /** @param task a task given to {@link #afterEachScan}; it no longer runs after this */
    void removeAfterEachScan(Runnable task) {
        afterEachScan.remove(task);
    }

    /** Lets queued tasks (the cache writes) finish for a few seconds, then interrupts what still runs. */
    void stop(long waitSeconds) throws InterruptedException {
        thread.shutdown();
        if (!thread.awaitTermination(waitSeconds, TimeUnit.SECONDS)) {
            thread.shutdownNow();
        }
    }

    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A task after the model scan failed: {0}", e.toString());
        }
    }
}
