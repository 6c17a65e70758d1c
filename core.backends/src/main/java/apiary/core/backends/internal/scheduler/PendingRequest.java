package apiary.core.backends.internal.scheduler;

import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.session.CounterClaim;
import apiary.core.api.t2i.CoreParams;
import apiary.core.backends.internal.pool.PoolView;

/**
 * One image task waiting for a backend. Its fields are guarded by the scheduler's queue lock, except
 * {@link #eligibility}, which only a running dispatch pass writes and reads (passes run one at a time), and the
 * interrupt registration, guarded by the request itself.
 */
final class PendingRequest {
    final long seq;
    final BackendRequest request;
    final UserShare user;
    final String model;
    final long deadlineNanos;
    final CompletableFuture<BackendLease> future = new CompletableFuture<>();
    final CounterClaim waiting;
    AutoCloseable interruptHandle;
    boolean claimsClosed;
    Eligibility eligibility;
    ModelPressure pressure;
    boolean notifiedLoad;
    boolean done;

    PendingRequest(long seq, BackendRequest request, UserShare user, long deadlineNanos, CounterClaim waiting) {
        this.seq = seq;
        this.waiting = waiting;
        this.request = request;
        this.user = user;
        this.model = request.params() == null ? null : request.params().get(CoreParams.MODEL).filter(m -> !m.isBlank()).orElse(null);
        this.deadlineNanos = deadlineNanos;
    }

    /** Recomputes the filter when the pool changed since it last ran. Inside a dispatch pass only, no lock held. */
    void refresh(PoolView view) {
        if (eligibility == null || eligibility.version() != view.version()) {
            eligibility = RequestFilter.evaluate(request, view);
        }
    }

    /** @return whether the filter result matches the pool version the dispatcher decides on */
    boolean evaluatedAt(PoolView view) {
        return eligibility != null && eligibility.version() == view.version();
    }

    @Override
    public String toString() {
        return "request #" + seq + " of " + user.id;
    }
}
