package apiary.core.t2i.internal.jobs;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;

/**
 * The session a job resumed after a restart runs under: its owner, counters of its own, and a token only that job
 * uses (the client that started the job is long gone; the job is reached by id through the job routes).
 */
final class RecoverySession implements Session {
    private final User user;
    private final long jobId;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);

    RecoverySession(User user, long jobId) {
        this.user = user;
        this.jobId = jobId;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    @Override public String id() { return "recovered-job-" + jobId; }
    @Override public User user() { return user; }
    @Override public String originAddress() { return "127.0.0.1"; }
    @Override @Deprecated public AtomicInteger counter(StatusCounter c) { return counters.get(c); }
    @Override public CounterClaim track(StatusCounter c, int amount) {
        counters.get(c).addAndGet(amount);
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                counters.get(c).addAndGet(-amount);
            }
        };
    }
    @Override public int count(StatusCounter c) { return counters.get(c).get(); }
    @Override public InterruptToken interruptToken() { return NEVER; }
    @Override public void interrupt() { }
    @Override public void touch(boolean userUpdate) { }
    @Override public Instant lastUsed() { return Instant.EPOCH; }

    /** Resumed jobs are stopped through their own job interrupt, never through a session-wide one. */
    private static final InterruptToken NEVER = new InterruptToken() {
        @Override public boolean isInterrupted() { return false; }
        @Override public AutoCloseable onInterrupt(Runnable action) { return () -> { }; }
    };
}
