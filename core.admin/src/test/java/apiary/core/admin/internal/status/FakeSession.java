package apiary.core.admin.internal.status;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;

/** A session with settable counters and times, for status tests. */
final class FakeSession implements Session {
    static final class User implements apiary.core.api.session.User {
        private final String id;
        private final Instant present;
        private final Instant used;

        User(String id, Instant present, Instant used) {
            this.id = id;
            this.present = present;
            this.used = used;
        }

        @Override public String id() { return id; }
        @Override public List<String> roles() { return List.of("user"); }
        @Override public Set<String> permissionFlags() { return Set.of(); }
        @Override public boolean hasPermission(String permissionId) { return false; }
        @Override public boolean mayUseModel(String modelName) { return true; }
        @Override public int maxT2ISimultaneous() { return 32; }
        @Override public int maxQueuedImages() { return 1000; }
        @Override public double schedulingWeight() { return 1; }
        @Override public boolean allowUnsafeOutpaths() { return false; }
        @Override public Object setting(String path) { throw new IllegalArgumentException(path); }
        @Override public Instant lastPresent() { return present; }
        @Override public Instant lastUsed() { return used; }
    }

    private final User user;
    private final String address;
    private final Instant lastUsed;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
    int interrupts;

    FakeSession(User user, String address, Instant lastUsed) {
        this.user = user;
        this.address = address;
        this.lastUsed = lastUsed;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    @Override public String id() { return "0".repeat(40); }
    @Override public User user() { return user; }
    @Override public String originAddress() { return address; }
    @Override public AtomicInteger counter(StatusCounter counter) { return counters.get(counter); }
    @Override public apiary.core.api.session.CounterClaim track(StatusCounter counter, int amount) {
        counters.get(counter).addAndGet(amount);
        return () -> counters.get(counter).addAndGet(-amount);
    }
    @Override public int count(StatusCounter counter) { return counters.get(counter).get(); }
    @Override public InterruptToken interruptToken() { throw new UnsupportedOperationException(); }
    @Override public void interrupt() { interrupts++; }
    @Override public void touch(boolean userUpdate) { }
    @Override public Instant lastUsed() { return lastUsed; }
}
