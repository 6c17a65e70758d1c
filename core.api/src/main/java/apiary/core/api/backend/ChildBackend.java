package apiary.core.api.backend;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A non-real child backend that a parent backend publishes (SwarmUI's non-real backends): for example one backend of
 * a remote Apiary or SwarmUI server seen through a {@code swarmswarmbackend} entry. A child has a negative id of its
 * own ({@code -1, -2, ...}, never reused while the server runs), is never persisted, is listed by
 * {@code ListBackends} only with {@code nonreal}, and is scheduled like any other backend once an instance is
 * {@link #attach attached}. {@code exactbackendid} set to the parent's id matches every child of that parent.
 *
 * <p>The child reports its state through the {@link BackendContext} methods it inherits ({@link #settings()} are the
 * parent's). It starts {@link BackendStatus#LOADING}; it ends when {@link #close() closed} or, at the latest, when the
 * parent's instance is shut down or replaced. Generations already running on a closed child finish on its
 * instance; no new ones are handed to it.
 */
@ProviderType
public interface ChildBackend extends BackendContext, AutoCloseable {
    /** @return the id of the parent entry */
    int parentId();

    /**
     * Hands the child the instance that runs its generations and makes it {@link BackendStatus#RUNNING}. The core
     * never calls {@link Backend#init()} or {@link Backend#shutdown()} on it: the parent owns its life.
     *
     * @param instance the generating instance
     */
    void attach(GeneratingBackend instance);

    /** @param title the title shown in {@code ListBackends} (e.g. after the remote's backend was renamed) */
    void setTitle(String title);

    /** Removes the child; idempotent, never throws. */
    @Override
    void close();
}
