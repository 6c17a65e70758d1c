package apiary.core.backends.internal.pool;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Component;

/**
 * The live backends as the scheduler sees them, shared by the registry (which publishes every entry's state) and
 * the scheduler (which claims and releases them): SwarmUI's per-backend {@code Usages}, {@code ReserveModelLoad},
 * {@code TimeLastRelease} and {@code ShutDownReserve}. Every method is quick and never calls out while holding the
 * pool's lock; listeners are told after a change, outside it.
 *
 * <p>A slot is one life of an entry. When the registry replaces or removes an instance it {@link #retire retires}
 * the slot: no new claims, and the returned stage completes once the last claim on it is released, so the old
 * instance can finish its running jobs before it is shut down.
 */
@Component(service = BackendPool.class)
public final class BackendPool {
    private final LongSupplier millis;
    private final Map<Long, Slot> current = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long version;

    /** A pool on the wall clock. */
    public BackendPool() {
        this(System::currentTimeMillis);
    }

    /** @param millis the clock stamping releases */
    public BackendPool(LongSupplier millis) {
        this.millis = millis;
    }

    /** @param listener told (outside the lock, on the changing thread) after any change: it must only signal */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** @param listener a listener added earlier */
    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /**
     * Records an entry's state. A state of a new epoch replaces the slot of the old one, which is retired.
     *
     * @param state the entry's state
     */
    public void publish(SlotState state) {
        synchronized (this) {
            Slot slot = current.get(state.key());
            if (slot != null && slot.epoch() == state.epoch()) {
                slot.state = state;
            } else {
                if (slot != null) {
                    retireLocked(slot);
                }
                current.put(state.key(), new Slot(state));
            }
            version++;
        }
        changed();
    }

    /**
     * Takes an entry's current slot out of service (edit, disable, delete, restart, shutdown).
     *
     * @param key the entry's {@link SlotState#key() key}
     * @return completes when no claim on the retired slot is left (at once when none is held)
     */
    public CompletionStage<Void> retire(long key) {
        CompletableFuture<Void> drained;
        synchronized (this) {
            Slot slot = current.remove(key);
            if (slot == null) {
                return CompletableFuture.completedFuture(null);
            }
            retireLocked(slot);
            drained = slot.drained;
            version++;
        }
        changed();
        return drained;
    }

    private void retireLocked(Slot slot) {
        slot.retired = true;
        if (slot.usages == 0) {
            slot.drained.complete(null);
        }
    }

    /** @return a consistent reading of every current slot, by entry id */
    public synchronized PoolView view() {
        List<SlotView> out = new ArrayList<>(current.size());
        for (Slot s : current.values()) {
            out.add(new SlotView(s, s.state, s.usages, s.loadReservations > 0, s.lastReleasedMillis));
        }
        out.sort(Comparator.comparingInt(SlotView::id));
        return new PoolView(version, out);
    }

    /**
     * Claims a slot for one generation, if it still has room.
     *
     * @param slot the slot
     * @return whether the claim was taken
     */
    public boolean tryClaim(Slot slot) {
        synchronized (this) {
            if (slot.retired || slot.loadReservations > 0 || !slot.state.takesWork() || slot.usages >= slot.state.dto().maxUsages) {
                return false;
            }
            slot.usages++;
            slot.lastReleasedMillis = millis.getAsLong();
        }
        return true;
    }

    /**
     * Gives a claim back. Call once per successful {@link #tryClaim}.
     *
     * @param slot the slot
     */
    public void release(Slot slot) {
        release(slot, true);
    }

    /**
     * Gives a claim back. Call once per successful {@link #tryClaim}.
     *
     * @param slot the slot
     * @param tell whether to tell the listeners; false when the caller acts on the release itself
     */
    public void release(Slot slot, boolean tell) {
        synchronized (this) {
            slot.usages--;
            slot.lastReleasedMillis = millis.getAsLong();
            if (slot.retired && slot.usages == 0) {
                slot.drained.complete(null);
            }
        }
        if (tell) {
            changed();
        }
    }

    /**
     * Reserves a slot for a model load: no new claims while any reservation is held.
     *
     * @param slot the slot
     * @return false when the slot was retired meanwhile (nothing reserved)
     */
    public boolean reserveForLoad(Slot slot) {
        synchronized (this) {
            if (slot.retired) {
                return false;
            }
            slot.loadReservations++;
        }
        changed();
        return true;
    }

    /**
     * Gives back a reservation taken by a successful {@link #reserveForLoad}.
     *
     * @param slot the slot
     */
    public void unreserve(Slot slot) {
        synchronized (this) {
            slot.loadReservations--;
        }
        changed();
    }

    /**
     * @param slot a slot
     * @return its claims right now, or -1 when it was retired
     */
    public synchronized int usagesOf(Slot slot) {
        return slot.retired ? -1 : slot.usages;
    }

    /**
     * @param id an entry id
     * @return a reading of its current slot, or {@code null} when it has none
     */
    public synchronized SlotView viewOf(int id) {
        for (Slot s : current.values()) {
            if (s.state.id() == id) {
                return new SlotView(s, s.state, s.usages, s.loadReservations > 0, s.lastReleasedMillis);
            }
        }
        return null;
    }

    private void changed() {
        for (Runnable r : listeners) {
            r.run();
        }
    }
}
