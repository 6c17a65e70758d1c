package apiary.core.backends.internal.scheduler;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;

/** A session with real counters and a real interrupt token, owned by a user with the given limits. */
final class FakeSession implements Session {
    private final String id;
    private final FakeUser user;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
    private volatile Token token = new Token();

    FakeSession(String id, FakeUser user) {
        this.id = id;
        this.user = user;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    static FakeSession of(String userId) {
        return new FakeSession(userId + "-session", new FakeUser(userId, 1000, 1));
    }

    @Override public String id() { return id; }
    @Override public FakeUser user() { return user; }
    @Override public String originAddress() { return "127.0.0.1"; }

    @Override
    @Deprecated
    public AtomicInteger counter(StatusCounter counter) {
        return counters.get(counter);
    }

    @Override
    public CounterClaim track(StatusCounter counter, int amount) {
        AtomicInteger v = counters.get(counter);
        v.addAndGet(amount);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                v.addAndGet(-amount);
            }
        };
    }

    @Override public int count(StatusCounter counter) { return counters.get(counter).get(); }
    @Override public InterruptToken interruptToken() { return token; }

    @Override
    public void interrupt() {
        Token old = token;
        token = new Token();
        old.cancel();
    }

    @Override public void touch(boolean userUpdate) { }
    @Override public Instant lastUsed() { return Instant.EPOCH; }

    /** A cancellation token like the real one: actions run once, at once when already cancelled. */
    static final class Token implements InterruptToken {
        private final List<Runnable> actions = new CopyOnWriteArrayList<>();
        private volatile boolean cancelled;

        @Override public boolean isInterrupted() { return cancelled; }

        @Override
        public AutoCloseable onInterrupt(Runnable action) {
            actions.add(action);
            if (cancelled && actions.remove(action)) {
                action.run();
            }
            return () -> actions.remove(action);
        }

        void cancel() {
            cancelled = true;
            for (Runnable r : actions) {
                if (actions.remove(r)) {
                    r.run();
                }
            }
        }

        int registered() {
            return actions.size();
        }
    }

    /** A user with a queue limit and a scheduling weight. */
    static final class FakeUser implements User {
        private final String id;
        private final int maxQueued;
        private final double weight;

        FakeUser(String id, int maxQueued, double weight) {
            this.id = id;
            this.maxQueued = maxQueued;
            this.weight = weight;
        }

        @Override public String id() { return id; }
        @Override public List<String> roles() { return List.of("user"); }
        @Override public Set<String> permissionFlags() { return Set.of(); }
        @Override public boolean hasPermission(String permissionId) { return true; }
        @Override public boolean mayUseModel(String modelName) { return true; }
        @Override public int maxT2ISimultaneous() { return 32; }
        @Override public int maxQueuedImages() { return maxQueued; }
        @Override public double schedulingWeight() { return weight; }
        @Override public boolean allowUnsafeOutpaths() { return false; }
        @Override public Object setting(String path) { throw new IllegalArgumentException(path); }
        @Override public Instant lastPresent() { return Instant.EPOCH; }
        @Override public Instant lastUsed() { return Instant.EPOCH; }
    }
}
