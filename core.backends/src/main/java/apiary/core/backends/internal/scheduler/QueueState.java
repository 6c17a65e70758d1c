package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import apiary.core.api.backend.BackendLease;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.Slot;
import apiary.core.backends.internal.pool.SlotView;

/**
 * The scheduler's mutable state and the three ways a waiting request leaves it (granted, failed, withdrawn). Its
 * monitor is the queue lock; methods whose names end in {@code Locked} need it held. Nothing here calls a backend
 * or completes a caller's future while the lock is held: such work is added to an effects list that the caller
 * runs after releasing the lock (completions go through the hand-off executor, so that a caller's continuation
 * never runs on the dispatcher thread nor inside another caller's {@code lease.close()}).
 */
final class QueueState {
    private static final System.Logger LOG = System.getLogger(QueueState.class.getName());

    final PendingQueue queue = new PendingQueue();
    final Map<String, ModelPressure> pressures = new HashMap<>();
    final List<ModelLoad> loads = new ArrayList<>();
    long seq;
    long lastMovedNanos;
    boolean closed;

    private final BackendPool pool;
    private final Executor handoff;
    private final GenerationWatch watch;
    private final Runnable released;

    /**
     * @param released runs on the releasing thread after a lease gave its backend back (a dispatch pass there)
     */
    QueueState(BackendPool pool, Executor handoff, GenerationWatch watch, Runnable released) {
        this.pool = pool;
        this.handoff = handoff;
        this.watch = watch;
        this.released = released;
    }

    /** Takes a request out of the queue and its model pressure; it is done from now on. */
    private void removeLocked(PendingRequest p, long now) {
        p.done = true;
        queue.remove(p);
        lastMovedNanos = now;
        ModelPressure pr = p.pressure;
        if (pr != null) {
            pr.requests.remove(p);
            if (pr.requests.isEmpty() && pressures.get(pr.model) == pr) {
                pressures.remove(pr.model);
            }
            p.pressure = null;
        }
    }

    /** Hands a claimed slot to a request. */
    void grantLocked(PendingRequest p, SlotView s, long now, List<Runnable> effects) {
        queue.charge(p.user); // before the removal, so the share is not forgotten as idle in between
        removeLocked(p, now);
        UserShare user = p.user;
        Slot slot = s.slot();
        LeaseImpl lease = new LeaseImpl(slot, watch.guard(s.state().generator(), slot.id()), s.state().dto(), now,
                () -> leaseClosed(user, slot));
        effects.add(() -> closeClaims(p));
        effects.add(() -> handOff(() -> {
            if (!p.future.complete(lease)) {
                lease.close(); // withdrawn meanwhile: nobody will use it
            }
        }));
    }

    /** Fails a request with an error its caller sees. */
    void failLocked(PendingRequest p, Throwable error, long now, List<Runnable> effects) {
        removeLocked(p, now);
        effects.add(() -> closeClaims(p));
        effects.add(() -> handOff(() -> p.future.completeExceptionally(error)));
    }

    private void leaseClosed(UserShare user, Slot slot) {
        synchronized (this) {
            queue.released(user);
        }
        pool.release(slot, false);
        released.run();
    }

    /** Runs a completion on the hand-off executor, or here when it no longer takes work. */
    void handOff(Runnable r) {
        try {
            handoff.execute(r);
        } catch (RejectedExecutionException closing) {
            r.run();
        }
    }

    /** Closes the request's counter claim and interrupt registration (no lock needed: each closes once). */
    static void closeClaims(PendingRequest p) {
        if (p.waiting != null) {
            p.waiting.close();
        }
        AutoCloseable handle;
        synchronized (p) {
            handle = p.interruptHandle;
            p.interruptHandle = null;
            p.claimsClosed = true;
        }
        closeQuietly(handle);
    }

    /**
     * Keeps the interrupt registration of a request, or removes it at once when the request already left the queue.
     */
    static void keepInterruptHandle(PendingRequest p, AutoCloseable handle) {
        boolean late;
        synchronized (p) {
            late = p.claimsClosed;
            if (!late) {
                p.interruptHandle = handle;
            }
        }
        if (late) {
            closeQuietly(handle);
        }
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle != null) {
            try {
                handle.close();
            } catch (Exception e) {
                LOG.log(Level.DEBUG, "Removing an interrupt action failed", e);
            }
        }
    }

    /** Runs effects collected under the lock; one failing never stops the others. */
    static void run(List<Runnable> effects) {
        for (Runnable r : effects) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "A scheduler hand-off failed", e);
            }
        }
    }
}
