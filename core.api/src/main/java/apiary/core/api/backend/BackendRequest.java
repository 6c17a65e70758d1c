package apiary.core.api.backend;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.t2i.T2IRequest;

/**
 * What an image task asks the {@link BackendScheduler} for. Immutable; build with {@link #of} and the
 * {@code with...} methods. The scheduler reads the model, required features, {@code exactbackendid},
 * {@code internalbackendtype} and the models the request uses from {@link #params()}.
 */
public final class BackendRequest {
    private final Session session;
    private final T2IRequest params;
    private final InterruptToken interrupt;
    private final Set<Integer> excluded;
    private final Runnable onModelLoad;
    private final Integer exactBackendId;
    private final Duration timeout;

    private BackendRequest(Session session, T2IRequest params, InterruptToken interrupt, Set<Integer> excluded,
            Runnable onModelLoad, Integer exactBackendId, Duration timeout) {
        this.session = Objects.requireNonNull(session, "session");
        this.params = params;
        this.interrupt = interrupt == null ? session.interruptToken() : interrupt;
        this.excluded = Set.copyOf(excluded);
        this.onModelLoad = onModelLoad;
        this.exactBackendId = exactBackendId;
        this.timeout = timeout;
    }

    /**
     * @param session the session the task runs for (fair share is per user; counters are per session)
     * @param params the task's parsed parameters, or {@code null} for a plain model load
     * @return a request cancelled by the session's current interrupt token
     */
    public static BackendRequest of(Session session, T2IRequest params) {
        return new BackendRequest(session, params, null, Set.of(), null, null, null);
    }

    /** @param token the token that cancels the wait (e.g. one job's own) @return a copy */
    public BackendRequest withInterrupt(InterruptToken token) {
        return new BackendRequest(session, params, token, excluded, onModelLoad, exactBackendId, timeout);
    }

    /** @param backendId a backend not to use (it redirected the task) @return a copy */
    public BackendRequest excluding(int backendId) {
        Set<Integer> more = new TreeSet<>(excluded);
        more.add(backendId);
        return new BackendRequest(session, params, interrupt, more, onModelLoad, exactBackendId, timeout);
    }

    /** @param action run once when a model load starts on the task's behalf (a status frame) @return a copy */
    public BackendRequest onModelLoad(Runnable action) {
        return new BackendRequest(session, params, interrupt, excluded, action, exactBackendId, timeout);
    }

    /** @param backendId the only backend to use, overriding {@code exactbackendid} @return a copy */
    public BackendRequest onBackend(int backendId) {
        return new BackendRequest(session, params, interrupt, excluded, onModelLoad, backendId, timeout);
    }

    /** @param wait how long to wait at most, instead of {@code backends.perrequesttimeoutminutes} @return a copy */
    public BackendRequest withTimeout(Duration wait) {
        return new BackendRequest(session, params, interrupt, excluded, onModelLoad, exactBackendId, wait);
    }

    /** @return the session asking */
    public Session session() { return session; }
    /** @return the parsed parameters, or {@code null} for a plain model load */
    public T2IRequest params() { return params; }
    /** @return the token whose cancellation withdraws the request */
    public InterruptToken interrupt() { return interrupt; }
    /** @return backends not to use */
    public Set<Integer> excluded() { return excluded; }
    /** @return the model-load notification, or {@code null} */
    public Runnable modelLoadListener() { return onModelLoad; }
    /** @return the one backend to use when set through {@link #onBackend} */
    public OptionalInt exactBackendId() { return exactBackendId == null ? OptionalInt.empty() : OptionalInt.of(exactBackendId); }
    /** @return the wait limit when set through {@link #withTimeout} */
    public Optional<Duration> timeout() { return Optional.ofNullable(timeout); }
}
