package apiary.core.api.session;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A cancellation token shared by the work a session has started. {@code InterruptAll} cancels the session's
 * current token and gives the session a fresh one, so work started afterwards is not affected.
 */
@ProviderType
public interface InterruptToken {
    /** @return whether this token has been cancelled */
    boolean isInterrupted();

    /**
     * Runs the action when the token is cancelled, or at once if it already is.
     *
     * @param action what to run; must be quick and must not throw
     * @return a handle that removes the action again when closed
     */
    AutoCloseable onInterrupt(Runnable action);
}
