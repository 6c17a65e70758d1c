package apiary.core.sessions.internal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;

/** A live session: its owner, counters, interrupt token and activity time. */
final class SessionImpl implements Session {
    private final String id;
    private final UserImpl user;
    private final String originAddress;
    private final Map<StatusCounter, AtomicInteger> counters = new EnumMap<>(StatusCounter.class);
    private volatile Interrupts interrupts = new Interrupts();
    private volatile Instant lastUsed = Instant.now();

    SessionImpl(String id, UserImpl user, String originAddress) {
        this.id = id;
        this.user = user;
        this.originAddress = originAddress;
        for (StatusCounter c : StatusCounter.values()) {
            counters.put(c, new AtomicInteger());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    public String originAddress() {
        return originAddress;
    }

    @Override
    public AtomicInteger counter(StatusCounter counter) {
        return counters.get(counter);
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
}
