package apiary.core.models.internal.library;

import java.io.IOException;
import java.lang.System.Logger.Level;

/**
 * Computes missing model hashes in the background, one file at a time on one low-priority thread, after each scan.
 * Hashing reads whole files, so it never runs in parallel and stops as soon as the bundle stops.
 */
final class HashWorker {
    private static final System.Logger LOG = System.getLogger(HashWorker.class.getName());

    private final ModelLibraryService library;
    private final Object signal = new Object();
    private boolean pending;
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
            synchronized (signal) {
                while (!pending && !stopped) {
                    try {
                        signal.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                pending = false;
            }
            pass();
        }
    }

    private void pass() {
        ModelIndex index = library.index();
        for (String subtype : library.subtypes()) {
            for (ModelRecord r : index.models(subtype)) {
                if (stopped || pending || !library.settings().hashInBackground()) {
                    return;
                }
                if (ModelLibraryService.hashable(r.metadata())) {
                    try {
                        library.hash(r);
                    } catch (IOException | RuntimeException e) {
                        LOG.log(Level.DEBUG, "Could not hash {0}: {1}", r.path(), e.toString());
                    }
                }
            }
        }
    }
}
