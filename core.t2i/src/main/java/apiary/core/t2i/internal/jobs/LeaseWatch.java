package apiary.core.t2i.internal.jobs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Decides which other front ends are dead from how their heartbeats change over time, measured on this process's
 * monotonic clock only: the machines' wall clocks need not agree. A front end is dead when it owns unfinished jobs
 * but has no heartbeat row (it shut down, or was removed), or when its heartbeat value has not changed for a whole
 * lease while this front end watched (a front end that just started waits a lease before it declares anyone dead).
 */
final class LeaseWatch {
    /** What was last seen of one front end: its heartbeat value and since when (monotonic milliseconds) it stands. */
    private record Seen(long beat, long since) {
    }

    private final long leaseMillis;
    private final Map<String, Seen> seen = new HashMap<>();

    /** @param leaseMillis how long a heartbeat may stand still before its front end counts as dead */
    LeaseWatch(long leaseMillis) {
        this.leaseMillis = leaseMillis;
    }

    /**
     * @param self this front end's id (never dead)
     * @param owners front ends that own unfinished jobs
     * @param beats every registered front end's heartbeat value
     * @param now this process's monotonic clock, in milliseconds
     * @return the dead front ends (owners without a row, and registered ones whose heartbeat stood still), each with
     *         the heartbeat value seen (-1 when it has no row)
     */
    synchronized Map<String, Long> dead(String self, Set<String> owners, Map<String, Long> beats, long now) {
        seen.keySet().retainAll(beats.keySet());
        for (Map.Entry<String, Long> b : beats.entrySet()) {
            Seen before = seen.get(b.getKey());
            if (before == null || before.beat() != b.getValue()) {
                seen.put(b.getKey(), new Seen(b.getValue(), now));
            }
        }
        Set<String> candidates = new java.util.LinkedHashSet<>(owners);
        candidates.addAll(beats.keySet());
        candidates.remove(self);
        Map<String, Long> dead = new LinkedHashMap<>();
        for (String frontEnd : candidates) {
            Seen s = seen.get(frontEnd);
            if (s == null) {
                dead.put(frontEnd, -1L);
            } else if (now - s.since() >= leaseMillis) {
                dead.put(frontEnd, s.beat());
            }
        }
        return dead;
    }
}
