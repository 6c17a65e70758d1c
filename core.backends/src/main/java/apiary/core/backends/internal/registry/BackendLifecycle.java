package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendStatus;

/**
 * Starts and stops backend instances, as SwarmUI's backend handler does: a start sets the entry
 * {@link BackendStatus#WAITING} and queues its init, on its own thread for fast-loading types and through one
 * serial queue for the others; a failed init is retried after a second until the attempts run out, then the entry
 * is {@link BackendStatus#ERRORED}. Methods ending in {@code Locked} run with the registry lock held; instance
 * shutdowns always run outside it.
 */
final class BackendLifecycle {
    private static final System.Logger LOG = System.getLogger(BackendLifecycle.class.getName());
    private static final long RETRY_DELAY_MS = 1000;
    private static final int MAX_MESSAGE = 300;

    private final Object lock;
    private final Runnable changed;
    private final IntSupplier maxAttempts;
    private final BooleanSupplier allFast;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(threads("apiary-backend-init"));
    private final ExecutorService fast = Executors.newCachedThreadPool(threads("apiary-backend-fastinit"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(threads("apiary-backend-retry"));
    private boolean closed;

    /**
     * @param lock the registry lock guarding every entry
     * @param changed called (lock held) after any state change, to drop cached status
     * @param maxAttempts the retry limit ({@code backends.maxbackendinitattempts})
     * @param allFast whether every type loads fast ({@code backends.allbackendsloadfast})
     */
    BackendLifecycle(Object lock, Runnable changed, IntSupplier maxAttempts, BooleanSupplier allFast) {
        this.lock = lock;
        this.changed = changed;
        this.maxAttempts = maxAttempts;
        this.allFast = allFast;
    }

    /**
     * (Re)starts an entry with the given type binding: disabled entries become {@link BackendStatus#DISABLED}, entries
     * without an installed type {@link BackendStatus#ERRORED} with a message saying so, the rest are queued to init.
     *
     * @return the instance that was running, to pass to {@link #shutdown} once the lock is released
     */
    Backend startLocked(BackendEntry entry, TypeBinding type) {
        Backend old = entry.reset();
        entry.type = type;
        if (closed) {
            return old;
        }
        if (!entry.stored.enabled()) {
            entry.status = BackendStatus.DISABLED;
        } else if (type == null) {
            entry.status = BackendStatus.ERRORED;
            entry.statusMessage = "Backend type '" + entry.stored.type() + "' is not installed. The backend will start "
                    + "once a bundle providing that type is installed.";
            LOG.log(Level.WARNING, "Backend #{0}: type ''{1}'' is not installed; waiting for it", entry.id(), entry.stored.type());
        } else {
            entry.status = BackendStatus.WAITING;
            entry.statusMessage = "Waiting to load...";
            submitLocked(entry, entry.epoch);
        }
        changed.run();
        return old;
    }

    /**
     * Stops an entry for good (removed): its instance is detached and no queued init will run.
     *
     * @return the instance that was running, to pass to {@link #shutdown}
     */
    Backend stopLocked(BackendEntry entry) {
        Backend old = entry.reset();
        changed.run();
        return old;
    }

    private void submitLocked(BackendEntry entry, long epoch) {
        ExecutorService executor = entry.type.info().fastLoad() || allFast.getAsBoolean() ? fast : serial;
        executor.execute(() -> runInit(entry, epoch));
    }

    private void runInit(BackendEntry entry, long epoch) {
        TypeBinding type;
        Map<String, Object> settings;
        synchronized (lock) {
            if (closed || entry.epoch != epoch) {
                return;
            }
            type = entry.type;
            entry.initAttempts++;
            try {
                settings = BackendSettings.resolve(type.info().settings(), entry.stored.settings());
            } catch (IllegalArgumentException e) {
                entry.status = BackendStatus.ERRORED;
                entry.statusMessage = "Invalid settings: " + e.getMessage();
                LOG.log(Level.ERROR, "Backend #{0} has invalid settings: {1}", entry.id(), e.getMessage());
                changed.run();
                return;
            }
            entry.status = BackendStatus.LOADING;
            entry.statusMessage = "Will now load...";
            changed.run();
        }
        LOG.log(Level.INFO, "Initializing backend #{0} - {1}...", entry.id(), type.info().name());
        Backend instance = null;
        try {
            instance = type.service().create(new EntryContext(lock, changed, entry, epoch, settings));
            if (instance == null) {
                throw new IllegalStateException("Backend type '" + type.info().id() + "' created no backend");
            }
            instance.init();
        } catch (Exception | LinkageError e) {
            // Released before the failure is recorded, so a retry never overlaps a half-started instance.
            shutdown(instance);
            failed(entry, epoch, e);
            return;
        }
        if (!adopt(entry, epoch, instance)) {
            shutdown(instance);
        }
    }

    /** @return whether the started instance became the entry's; false when the entry moved on meanwhile */
    private boolean adopt(BackendEntry entry, long epoch, Backend instance) {
        synchronized (lock) {
            if (closed || entry.epoch != epoch) {
                return false;
            }
            entry.instance = instance;
            if (entry.status == BackendStatus.LOADING) {
                entry.status = BackendStatus.RUNNING;
            }
            entry.statusMessage = null;
            changed.run();
        }
        LOG.log(Level.INFO, "Backend #{0} - {1} is ready", entry.id(), entry.stored.type());
        return true;
    }

    private void failed(BackendEntry entry, long epoch, Throwable error) {
        synchronized (lock) {
            if (closed || entry.epoch != epoch) {
                return;
            }
            if (entry.initAttempts <= maxAttempts.getAsInt()) {
                entry.status = BackendStatus.WAITING;
                entry.statusMessage = "Load failed, will retry...";
                LOG.log(Level.WARNING, "Error #" + entry.initAttempts + " while initializing backend #" + entry.id()
                        + " - " + entry.stored.type() + " - will retry", error);
                retries.schedule(() -> {
                    synchronized (lock) {
                        if (!closed && entry.epoch == epoch) {
                            submitLocked(entry, epoch);
                        }
                    }
                }, RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
            } else {
                entry.status = BackendStatus.ERRORED;
                entry.statusMessage = "Failed to initialize after " + entry.initAttempts + " attempts: " + describe(error);
                LOG.log(Level.ERROR, "Final error (" + entry.initAttempts + ") while initializing backend #" + entry.id()
                        + " - " + entry.stored.type() + ", giving up", error);
            }
            changed.run();
        }
    }

    private static String describe(Throwable error) {
        String m = error.getMessage();
        String text = m == null || m.isBlank() ? error.getClass().getSimpleName() : m.strip();
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    /** Shuts an instance down; never throws. Call without the lock. */
    void shutdown(Backend instance) {
        if (instance == null) {
            return;
        }
        try {
            instance.shutdown();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.WARNING, "A backend failed to shut down cleanly", e);
        }
    }

    /** Refuses further starts and stops the worker threads (interrupting inits in progress). Lock held. */
    void closeLocked() {
        closed = true;
        serial.shutdownNow();
        fast.shutdownNow();
        retries.shutdownNow();
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
