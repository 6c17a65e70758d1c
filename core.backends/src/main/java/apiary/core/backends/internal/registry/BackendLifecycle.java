package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendStatus;
import apiary.core.backends.internal.Threads;

/**
 * Starts and stops backend instances, as SwarmUI's backend handler does: a start sets the entry
 * {@link BackendStatus#WAITING} and queues its init, on its own thread for fast-loading types and through one
 * serial queue for the others; a failed init is retried after a second until the attempts run out, then the entry
 * is {@link BackendStatus#ERRORED}. Methods ending in {@code Locked} run with the registry lock held; instance
 * shutdowns always run outside it.
 *
 * <p>A restart or stop hands back a {@link Handover}: the old instance is retired from the pool at once (no new
 * jobs), and {@link #finish} shuts it down when its running jobs are done (or at once when told not to wait), and
 * only then queues the new init, so two instances of one entry never overlap.
 */
final class BackendLifecycle {
    private static final System.Logger LOG = System.getLogger(BackendLifecycle.class.getName());
    private static final long RETRY_DELAY_MS = 1000;
    private static final int MAX_MESSAGE = 300;

    private final Object lock;
    private final Consumer<BackendEntry> changed;
    private final LongFunction<CompletionStage<Void>> retire;
    private final IntSupplier maxAttempts;
    private final BooleanSupplier allFast;
    private final LongSupplier drainLimitMillis;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(Threads.daemon("apiary-backend-init"));
    private final ExecutorService fast = Executors.newCachedThreadPool(Threads.daemon("apiary-backend-fastinit"));
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(Threads.daemon("apiary-backend-retry"));
    private final DrainingInstances draining = new DrainingInstances(fast);
    private boolean closed;

    /**
     * @param lock the registry lock guarding every entry
     * @param changed called (lock held) after any change of an entry, to publish it and drop cached status
     * @param retire takes an entry's running instance out of service by the entry's key (lock held, must not
     *        block); completes when no job holds it any more
     * @param maxAttempts the retry limit ({@code backends.maxbackendinitattempts})
     * @param allFast whether every type loads fast ({@code backends.allbackendsloadfast})
     * @param drainLimitMillis how long an old instance may keep running jobs before it is shut down anyway
     */
    BackendLifecycle(Object lock, Consumer<BackendEntry> changed, LongFunction<CompletionStage<Void>> retire,
            IntSupplier maxAttempts, BooleanSupplier allFast, LongSupplier drainLimitMillis) {
        this.lock = lock;
        this.changed = changed;
        this.retire = retire;
        this.maxAttempts = maxAttempts;
        this.allFast = allFast;
        this.drainLimitMillis = drainLimitMillis;
    }

    /**
     * (Re)starts an entry with the given type binding: disabled entries become {@link BackendStatus#DISABLED}, entries
     * without an installed type {@link BackendStatus#ERRORED} with a message saying so, the rest wait for their init,
     * which {@link #finish} queues.
     *
     * @return what to finish once the lock is released
     */
    Handover startLocked(BackendEntry entry, TypeBinding type) {
        CompletionStage<Void> drained = retire.apply(entry.key);
        Backend old = entry.reset();
        entry.type = type;
        boolean init = false;
        if (closed) {
            return new Handover(entry, entry.epoch, old, drained, false);
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
            init = true;
        }
        changed.accept(entry);
        return new Handover(entry, entry.epoch, old, drained, init);
    }

    /**
     * Stops an entry for good (removed): its instance is detached and no queued init will run.
     *
     * @return what to finish once the lock is released
     */
    Handover stopLocked(BackendEntry entry) {
        CompletionStage<Void> drained = retire.apply(entry.key);
        Backend old = entry.reset();
        changed.accept(entry);
        return new Handover(entry, entry.epoch, old, drained, false);
    }

    /**
     * Shuts the old instance down and queues the new init. Call without the lock.
     *
     * @param h the hand-over from {@link #startLocked} or {@link #stopLocked}
     * @param letJobsFinish whether to wait until no job holds the old instance (edits, toggles, deletes) rather
     *        than shut it down at once (its type is leaving, the server stops)
     */
    void finish(Handover h, boolean letJobsFinish) {
        CompletableFuture<Void> drained = h.drained().toCompletableFuture();
        if (!letJobsFinish || drained.isDone()) {
            shutdown(h.old());
            queueInit(h);
            return;
        }
        synchronized (lock) {
            if (h.entry().epoch == h.epoch() && h.entry().status == BackendStatus.WAITING) {
                h.entry().statusMessage = "Waiting for the generations running on the old instance to finish...";
                changed.accept(h.entry());
            }
        }
        LOG.log(Level.INFO, "Backend #{0}: letting its running generations finish before it shuts down", h.entry().id());
        draining.after(drained, drainLimitMillis.getAsLong(), () -> {
            shutdown(h.old());
            queueInit(h);
        });
    }

    private void queueInit(Handover h) {
        synchronized (lock) {
            BackendEntry e = h.entry();
            if (h.init() && !closed && e.epoch == h.epoch() && e.status == BackendStatus.WAITING) {
                e.statusMessage = "Waiting to load...";
                changed.accept(e);
                submitLocked(e, h.epoch());
            }
        }
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
                changed.accept(entry);
                return;
            }
            entry.status = BackendStatus.LOADING;
            entry.statusMessage = "Will now load...";
            changed.accept(entry);
        }
        LOG.log(Level.INFO, "Initializing backend #{0} - {1}...", entry.id(), type.info().name());
        Backend instance = null;
        EntryContext context = new EntryContext(lock, changed, entry, epoch, settings);
        try {
            instance = type.service().create(context);
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
        if (!adopt(entry, epoch, instance, context)) {
            shutdown(instance);
        }
    }

    /** @return whether the started instance became the entry's; false when the entry moved on meanwhile */
    private boolean adopt(BackendEntry entry, long epoch, Backend instance, EntryContext context) {
        synchronized (lock) {
            if (closed || entry.epoch != epoch) {
                return false;
            }
            entry.instance = instance;
            entry.context = context;
            if (entry.status == BackendStatus.LOADING) {
                entry.status = BackendStatus.RUNNING;
            }
            entry.statusMessage = null;
            changed.accept(entry);
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
            changed.accept(entry);
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

    /**
     * Refuses further starts and stops the worker threads (interrupting inits in progress). Lock held.
     *
     * @return the shutdowns of old instances still waiting for their jobs, for the caller to run now (outside the lock)
     */
    List<Runnable> closeLocked() {
        List<Runnable> pending = draining.takeAll();
        closed = true;
        serial.shutdownNow();
        fast.shutdownNow();
        retries.shutdownNow();
        return pending;
    }
}
