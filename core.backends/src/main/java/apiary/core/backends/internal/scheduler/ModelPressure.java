package apiary.core.backends.internal.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import apiary.core.api.session.Session;

/**
 * Waiting requests that want one model no free backend has loaded (SwarmUI's {@code ModelRequestPressure}): the
 * loader picks the model with the highest pressure, {@code count × 10 + seconds since the first request}, and
 * remembers the backends that failed to load it. Guarded by the scheduler's queue lock.
 */
final class ModelPressure {
    final String model;
    final long firstNanos;
    final List<PendingRequest> requests = new ArrayList<>();
    final Set<Integer> badBackends = new LinkedHashSet<>();
    final List<String> failReasons = new ArrayList<>();
    boolean loading;

    ModelPressure(String model, long firstNanos) {
        this.model = model;
        this.firstNanos = firstNanos;
    }

    /** @param now the scheduler clock @return SwarmUI's heuristic */
    long heuristic(long now) {
        return requests.size() * 10L + (now - firstNanos) / 1_000_000_000L;
    }

    /** @return the sessions of the waiting requests, each once */
    Set<Session> sessions() {
        Set<Session> out = new LinkedHashSet<>();
        for (PendingRequest p : requests) {
            out.add(p.request.session());
        }
        return out;
    }
}
