package apiary.core.backends.internal.scheduler;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import apiary.core.api.backend.GeneratingBackend;

/**
 * Keeps the time limit of running generations: a generation that runs longer than {@code backends.maxtimeoutminutes}
 * (SwarmUI's "no backend has responded" limit, whose description already tells users to raise it for very long
 * generations) is interrupted through its job's token and then fails with a message saying why, so a backend that
 * hangs inside {@code generate} gives its lease back instead of holding it forever. Checked on every dispatch pass
 * (at least four times a second) with the scheduler's clock.
 */
final class GenerationWatch {
    private static final System.Logger LOG = System.getLogger(GenerationWatch.class.getName());

    private final LongSupplier nanos;
    private final Set<TimeLimit> running = ConcurrentHashMap.newKeySet();

    GenerationWatch(LongSupplier nanos) {
        this.nanos = nanos;
    }

    /** @return the backend as a lease hands it out: its generations watched */
    GeneratingBackend guard(GeneratingBackend backend, int backendId) {
        return new WatchedBackend(backend, backendId, this);
    }

    /** @return a new limit for a generation starting now, watched until {@link #finished} */
    TimeLimit started(apiary.core.api.session.InterruptToken caller, int backendId) {
        TimeLimit limit = new TimeLimit(caller, backendId, nanos.getAsLong());
        running.add(limit);
        return limit;
    }

    void finished(TimeLimit limit) {
        running.remove(limit);
    }

    /** Interrupts every generation that has run longer than the limit; call outside every lock. */
    void check(long limitMillis) {
        long now = nanos.getAsLong();
        for (TimeLimit t : running) {
            if (now - t.startedNanos() > limitMillis * 1_000_000L && t.expire(limitMillis / 60_000L)) {
                LOG.log(Level.WARNING, "A generation on backend {0} ran longer than {1} minute(s) (backends.maxtimeoutminutes); interrupting it",
                        t.backendId(), limitMillis / 60_000L);
                running.remove(t);
            }
        }
    }

    /** @return how many generations are watched (tests) */
    int size() {
        return running.size();
    }
}
