package apiary.core.api.session;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One API session: the {@code session_id} a client got from {@code GetNewSession}, the user it belongs to, its
 * generation counters and its interrupt token.
 */
@ProviderType
public interface Session {
    /** @return the session id: 40 lowercase hex characters */
    String id();

    /** @return the owner of the session */
    User user();

    /** @return the origin address recorded when the session was created */
    String originAddress();

    /**
     * @param counter which counter
     * @return the live counter
     * @deprecated a raw counter leaks when one path forgets its decrement; use {@link #track} to change counters and
     *             {@link #count} to read them
     */
    @Deprecated
    AtomicInteger counter(StatusCounter counter);

    /**
     * Adds to a counter until the returned claim is closed.
     *
     * @param counter which counter
     * @param amount how much to add (at least 0)
     * @return the claim; closing it subtracts the amount again, exactly once
     */
    CounterClaim track(StatusCounter counter, int amount);

    /**
     * @param counter which counter
     * @return its current value
     */
    int count(StatusCounter counter);

    /** @return the current interrupt token; work should capture it when it starts */
    InterruptToken interruptToken();

    /** Cancels the current interrupt token and installs a fresh one ({@code InterruptAll}). */
    void interrupt();

    /**
     * Records activity: every call marks the user present; user-update calls also refresh last-used times.
     *
     * @param userUpdate whether the call was a user-update route
     */
    void touch(boolean userUpdate);

    /** @return when the session was last used by a user-update call */
    Instant lastUsed();
}
