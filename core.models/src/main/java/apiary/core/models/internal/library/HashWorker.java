package apiary.core.models.internal.library;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Computes missing model hashes in the background, one file at a time on one low-priority thread, after each scan.
 * Hashing reads whole files, so it never runs in parallel and stops as soon as the bundle stops. A pass starts a
 * little after the scan that asked for it (the first listings after a start or a refresh get the CPU), and its
 * results reach the index and the cache in batches: one index copy and one database batch per {@link #BATCH} hashes,
 * not one per model (10,000 single updates copied the whole index 10,000 times).
 */
final class HashWorker {
    private static final System.Logger LOG = System.getLogger(HashWorker.class.getName());
    static final int BATCH = 256;
    private static final long START_DELAY_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long FLUSH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ModelLibraryService library;
    private final Object signal = new Object();
    private boolean pending;
    private long wokenAt;
    private volatile boolean stopped;
    private Thread thread;

    HashWorker(ModelLibraryService library) {
        this.library = library;
    }

    /** Asks for a pass over the models without a hash. */
    void wake() {
        synchronized (signal) {
            if (stopped) {
                return;
            }
            pending = true;
            wokenAt = System.nanoTime();
            if (thread == null) {
                thread = new Thread(this::loop, "apiary-model-hash");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                thread.start();
            }
            signal.notifyAll();
        }
    }

    void stop() {
        synchronized (signal) {
            stopped = true;
            if (thread != null) {
                thread.interrupt();
            }
            signal.notifyAll();
        }
    }

    private void loop() {
        while (!stopped) {
            try {
                awaitPass();
            } catch (InterruptedException e) {
                return;
            }
            pass();
        }
    }

    /** Waits for a wake-up, then until {@link #START_DELAY_NANOS} have passed since the latest one. */
    private void awaitPass() throws InterruptedException {
        synchronized (signal) {
            while (!stopped) {
                if (pending) {
                    long left = START_DELAY_NANOS - (System.nanoTime() - wokenAt);
                    if (left <= 0) {
                        pending = false;
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(signal, left);
                } else {
                    signal.wait();
                }
            }
        }
    }

    private boolean interrupted() {
        synchronized (signal) {
            return stopped || pending || !library.settings().hashInBackground();
        }
    }

    private void pass() {
        ModelIndex index = library.index();
        List<ModelRecord> done = new ArrayList<>();
        long flushed = System.nanoTime();
        try {
            for (String subtype : library.subtypes()) {
                for (ModelRecord r : index.models(subtype)) {
                    if (interrupted()) {
                        return;
                    }
                    if (r.metadata().hash() == null && r.metadata().error() == null) {
                        try {
                            done.add(r.withMetadata(r.metadata().withHash(TensorHash.of(r.path(), library.settings().maxHeaderBytes()))));
                        } catch (IOException | RuntimeException e) {
                            LOG.log(Level.DEBUG, "Could not hash {0}: {1}", r.path(), e.toString());
                        }
                    }
                    if (done.size() >= BATCH || (!done.isEmpty() && System.nanoTime() - flushed > FLUSH_EVERY_NANOS)) {
                        library.hashed(done);
                        done = new ArrayList<>();
                        flushed = System.nanoTime();
                    }
                }
            }
        } finally {
            if (!done.isEmpty()) {
                library.hashed(done);
            }
        }
    }
}
