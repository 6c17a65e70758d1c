package apiary.core.t2i.internal.testing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;

/** A session for unit tests: real counters, a real interrupt token. */
public final class TestSession implements Session {
    private final User user;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
    private volatile Token token = new Token();

    public TestSession(User user) {
        this.user = user;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    static final class Token implements InterruptToken {
        final AtomicBoolean cancelled = new AtomicBoolean();
        final List<Runnable> actions = new CopyOnWriteArrayList<>();

        @Override public boolean isInterrupted() { return cancelled.get(); }
        @Override public AutoCloseable onInterrupt(Runnable action) {
            if (cancelled.get()) {
                action.run();
            } else {
                actions.add(action);
            }
            return () -> actions.remove(action);
        }
        void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                actions.forEach(Runnable::run);
            }
        }
    }

    @Override public String id() { return "0".repeat(40); }
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
    @Override public InterruptToken interruptToken() { return token; }
    @Override public void interrupt() {
        Token old = token;
        token = new Token();
        old.cancel();
    }
    @Override public void touch(boolean userUpdate) { }
    @Override public Instant lastUsed() { return Instant.EPOCH; }
}
