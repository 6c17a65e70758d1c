package apiary.core.api.backend;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One backend instance created by a {@link BackendType} for a configured entry. The registry drives its life cycle
 * on its own worker threads: {@link #init()} once, then {@link #shutdown()} once when the entry is removed, disabled,
 * edited or restarted, when its type leaves, or when the server stops. A new instance is created for every start.
 *
 * <p>State the core needs (status changes after init, features, max usages, models) is reported through the
 * {@link BackendContext} the instance was created with. Scheduling and queueing of work live in the core, never in
 * drivers; the generation call is declared by a sub-interface that generating backends implement.
 */
@ConsumerType
public interface Backend {
    /**
     * Brings the backend up (starts a process, connects to a server...). The status is
     * {@link BackendStatus#LOADING} meanwhile; when this returns normally the backend becomes
     * {@link BackendStatus#RUNNING}, unless it reported another status (for example {@link BackendStatus#IDLE} for a
     * reachable-later remote) through its context. Throwing counts as a failed attempt: the registry shuts the
     * instance down and retries with a new one, up to the server setting {@code backends.maxbackendinitattempts}
     * times, then marks the entry {@link BackendStatus#ERRORED}.
     *
     * @throws Exception when the backend cannot start
     */
    void init() throws Exception;

    /** Releases everything the instance holds (processes, sockets, threads). Must not throw; may be called during init. */
    void shutdown();

    /**
     * Frees model memory on demand ({@code FreeBackendMemory}). Only called while the backend is running.
     *
     * @param systemRam whether to free system RAM as well as VRAM
     * @return whether anything was done
     */
    default boolean freeMemory(boolean systemRam) {
        return false;
    }
}
