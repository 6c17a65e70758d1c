package apiary.core.backends.internal.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import apiary.core.api.backend.BackendStatusReport;
import apiary.core.backends.internal.status.StatusCalculator;
import apiary.core.backends.internal.status.StatusInput;

/**
 * The status summary, computed on demand and kept until any entry changes ({@code GetCurrentStatus} is called
 * often, the backends change rarely). A summary remembers the change count it was computed at and is used only
 * while that count holds, so one computed while an entry changed is never served afterwards.
 */
final class StatusCache {
    private final Supplier<List<StatusInput>> inputs;
    private final AtomicLong changes = new AtomicLong();
    private volatile Computed cached;

    private record Computed(long at, BackendStatusReport report) {
    }

    /** @param inputs reads every entry's status input (takes the registry lock itself) */
    StatusCache(Supplier<List<StatusInput>> inputs) {
        this.inputs = inputs;
    }

    /** Drops the cached summary; called after any change. */
    void invalidate() {
        changes.incrementAndGet();
    }

    /** @return a copy of the summary the caller may change */
    BackendStatusReport get() {
        Computed c = cached;
        long now = changes.get();
        if (c == null || c.at != now) {
            c = new Computed(now, StatusCalculator.compute(inputs.get()));
            cached = c;
        }
        return BackendViews.copy(c.report);
    }
}
