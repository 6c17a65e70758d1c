package apiary.core.api.session;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A held amount of one of a session's {@link StatusCounter}s, from {@link Session#track}. Closing gives it back;
 * closing again does nothing, so a {@code try}-with-resources or a {@code finally} on every path keeps the counter
 * exact, errors and interrupts included.
 */
@ProviderType
public interface CounterClaim extends AutoCloseable {
    /** Gives the amount back, once. Never throws. */
    @Override
    void close();
}
