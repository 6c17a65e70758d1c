package apiary.core.sessions.internal.session;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.CounterClaim;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.sessions.internal.account.UserImpl;

/**
 * A live session: its owner, the login token it came from (if any), its counters, interrupt token and activity
 * times. Activity is tracked in memory on every call; the database copy is refreshed now and then by the registry.
 */
public final class SessionImpl implements Session {
    private final String id;
    private final UserImpl user;
    private final String originAddress;
    private final String originToken;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
    private volatile Interrupts interrupts = new Interrupts();
    private volatile Instant lastUsed = Instant.now();
    private volatile long lastActiveMillis;
    private volatile long storedActiveMillis;

    SessionImpl(String id, UserImpl user, String originAddress, String originToken, long lastActiveMillis) {
        this.id = id;
        this.user = user;
        this.originAddress = originAddress;
        this.originToken = originToken;
        this.lastActiveMillis = lastActiveMillis;
        this.storedActiveMillis = lastActiveMillis;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public UserImpl user() {
        return user;
    }

    @Override
    public String originAddress() {
        return originAddress;
    }

    /** @return the id of the login token this session was created with, or {@code null} */
    public String originToken() {
        return originToken;
    }

    @Override
    @Deprecated
    public AtomicInteger counter(StatusCounter counter) {
        return counters.get(counter);
    }

    @Override
    public CounterClaim track(StatusCounter counter, int amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        AtomicInteger value = counters.get(counter);
        value.addAndGet(amount);
        AtomicBoolean open = new AtomicBoolean(true);
        return () -> {
            if (open.compareAndSet(true, false)) {
                value.addAndGet(-amount);
            }
        };
    }

    @Override
    public int count(StatusCounter counter) {
        return counters.get(counter).get();
    }

    @Override
    public InterruptToken interruptToken() {
        return interrupts;
    }

    @Override
    public synchronized void interrupt() {
        Interrupts old = interrupts;
        interrupts = new Interrupts();
        old.interrupt();
    }

    @Override
    public void touch(boolean userUpdate) {
        user.markPresent();
        if (userUpdate) {
            lastUsed = Instant.now();
            user.markUsed();
        }
    }

    @Override
    public Instant lastUsed() {
        return lastUsed;
    }

    long lastActiveMillis() {
        return lastActiveMillis;
    }

    void active(long now) {
        lastActiveMillis = now;
    }

    long storedActiveMillis() {
        return storedActiveMillis;
    }

    void stored(long millis) {
        storedActiveMillis = millis;
    }
}
