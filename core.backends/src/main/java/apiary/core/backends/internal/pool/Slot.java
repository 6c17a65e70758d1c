package apiary.core.backends.internal.pool;

import java.util.concurrent.CompletableFuture;

/**
 * One life of a backend entry in the {@link BackendPool}: the state the registry published plus the claims on it.
 * Mutable fields are guarded by the pool; read them through {@link BackendPool#view()}.
 */
public final class Slot {
    private final int id;
    private final long epoch;
    SlotState state;
    int usages;
    int loadReservations;
    long lastReleasedMillis;
    boolean retired;
    final CompletableFuture<Void> drained = new CompletableFuture<>();

    Slot(SlotState state) {
        this.id = state.id();
        this.epoch = state.epoch();
        this.state = state;
    }

    /** @return the entry id (fixed for the slot's life: an edit that changes the id starts a new life) */
    public int id() {
        return id;
    }

    /** @return the entry life this slot belongs to */
    public long epoch() {
        return epoch;
    }

    @Override
    public String toString() {
        return "#" + id + "/" + epoch;
    }
}
