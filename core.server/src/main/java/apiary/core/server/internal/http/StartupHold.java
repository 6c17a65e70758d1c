package apiary.core.server.internal.http;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Lets the server answer as soon as its core is up while the other bundles still start. Until {@link #release} an
 * API call is served at once only when its route is registered and sessionless ({@code GetNewSession},
 * {@code Login}: what every client starts with, answered by the core alone); any other request (a route of a bundle
 * still starting, a core route that may use such a bundle's services, a page, a file) is held, without a thread,
 * and handled when every bundle is up, so no client ever sees an "unknown route", a missing service or a
 * placeholder page that is only an artefact of start-up. At most {@code capacity} requests are held; beyond that,
 * the answer is a retryable 503.
 */
final class StartupHold {
    private static final System.Logger LOG = System.getLogger(StartupHold.class.getName());

    private final int capacity;
    private final Predicate<String> servedEarly;
    private final Executor executor;
    private final Deque<Held> held = new ArrayDeque<>();
    private volatile boolean released;
    private Handler target;

    private record Held(Request request, Response response, Callback callback) {
    }

    /**
     * @param capacity how many requests may wait at once
     * @param servedEarly whether an API route (the name after {@code /API/}) may be served before every bundle is up
     * @param executor runs the held requests when they are released
     */
    StartupHold(int capacity, Predicate<String> servedEarly, Executor executor) {
        this.capacity = capacity;
        this.servedEarly = servedEarly;
        this.executor = executor;
    }

    /** @return true when the request is held (or refused because too many are); false to handle it now */
    boolean hold(Request request, Response response, Callback callback) {
        if (released) {
            return false;
        }
        String path = Request.getPathInContext(request);
        if (path.regionMatches(true, 0, "/API/", 0, 5) && servedEarly.test(path.substring(5))) {
            return false;
        }
        synchronized (this) {
            if (released) {
                return false;
            }
            if (held.size() < capacity) {
                held.add(new Held(request, response, callback));
                return true;
            }
        }
        Unavailable.answer(request, response, callback, "server_starting", "The server is starting; try again in a moment.", 1);
        return true;
    }

    /** Handles every held request with {@code handler}, and every later one at once. Runs once. */
    void release(Handler handler) {
        List<Held> waiting;
        synchronized (this) {
            if (released) {
                return;
            }
            target = handler;
            released = true;
            waiting = new ArrayList<>(held);
            held.clear();
        }
        for (Held h : waiting) {
            executor.execute(() -> handle(h));
        }
    }

    private void handle(Held h) {
        try {
            if (!target.handle(h.request, h.response, h.callback)) {
                Response.writeError(h.request, h.response, h.callback, 404);
            }
        } catch (Throwable e) {
            LOG.log(Level.ERROR, "Failure while handling a request held during start-up", e);
            h.callback.failed(e);
        }
    }

    /** @return how many requests wait now */
    synchronized int waiting() {
        return held.size();
    }
}
