package apiary.core.backends.internal.scheduler;

import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.backends.internal.pool.Slot;

/** A claim on one backend; {@link #close()} gives it back exactly once. */
final class LeaseImpl implements BackendLease {
    private static final System.Logger LOG = System.getLogger(LeaseImpl.class.getName());

    private final Slot slot;
    private final GeneratingBackend backend;
    private final BackendDTO info;
    private final Runnable release;
    private final long claimedNanos;
    private final AtomicBoolean closed = new AtomicBoolean();

    LeaseImpl(Slot slot, GeneratingBackend backend, BackendDTO info, long claimedNanos, Runnable release) {
        this.slot = slot;
        this.claimedNanos = claimedNanos;
        this.backend = backend;
        this.info = info;
        this.release = release;
    }

    @Override
    public int backendId() {
        return slot.id();
    }

    @Override
    public GeneratingBackend backend() {
        return backend;
    }

    @Override
    public BackendDTO info() {
        return Snapshots.copy(info);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                release.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Releasing the lease on backend " + slot + " failed", e);
            }
        }
    }

    /** @return when the scheduler claimed the backend for this lease, on the scheduler's clock */
    long claimedNanos() {
        return claimedNanos;
    }

    /** @return whether the lease was closed */
    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String toString() {
        return "lease on backend " + slot;
    }
}
