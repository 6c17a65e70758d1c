package apiary.core.server.internal.dispatch;

import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;
import apiary.core.server.internal.route.ParamType;
import apiary.core.server.internal.route.RouteDefinition;
import apiary.core.server.internal.route.RouteRegistry;

/**
 * The transport-independent part of an API call: route, session, kind, permission, binding, call. SwarmUI looks up
 * the session before the route; Apiary reports an unknown route as unknown, whatever the session.
 */
public final class ApiPipeline {
    private static final System.Logger LOG = System.getLogger(ApiPipeline.class.getName());

    /** The outcome of resolving a call: either a reply to send at once, or a route to run for a session. */
    static final class Resolved {
        final Reply rejection;
        final RouteDefinition route;
        final Session session;

        private Resolved(Reply rejection, RouteDefinition route, Session session) {
            this.rejection = rejection;
            this.route = route;
            this.session = session;
        }
    }

    private final RouteRegistry routes;
    private final PermissionRegistry permissions;
    private final Supplier<SessionService> sessions;

    /**
     * @param routes the route table holder
     * @param permissions the permission registry
     * @param sessions the current session service, or null while none is registered
     */
    public ApiPipeline(RouteRegistry routes, PermissionRegistry permissions, Supplier<SessionService> sessions) {
        this.routes = routes;
        this.permissions = permissions;
        this.sessions = sessions;
    }

    /**
     * @param name the path after {@code /API/}
     * @return the route of that name, or null (nested paths never name a route)
     */
    RouteDefinition route(String name) {
        return name.indexOf('/') >= 0 ? null : routes.table().find(name);
    }

    /** @return whether a session with this id exists (an early check while its body is still arriving) */
    boolean sessionExists(String id) {
        SessionService service = sessions.get();
        return service != null && service.find(id).isPresent();
    }

    Resolved resolve(String name, Map<String, Object> body, String headerSessionId, boolean webSocket) {
        RouteDefinition route = route(name);
        if (route == null) {
            // Unlike SwarmUI (which checks the session first), an unknown route is reported as such: a client that
            // reached a server still starting, or mistyped a name, must not be told its session is missing.
            return reject(webSocket ? ApiErrors.BAD_ROUTE_WS : ApiErrors.BAD_ROUTE_HTTP);
        }
        Session session = null;
        if (!route.sessionless()) {
            String id = sessionId(body, headerSessionId);
            if (id == null) {
                return reject(ApiErrors.MISSING_SESSION);
            }
            SessionService service = sessions.get();
            Optional<Session> found = service == null ? Optional.empty() : service.find(id);
            if (found.isEmpty()) {
                return reject(ApiErrors.INVALID_SESSION);
            }
            session = found.get();
            session.touch(route.userUpdate());
        }
        if (route.webSocket() != webSocket) {
            return reject(webSocket ? ApiErrors.NEEDS_HTTP : ApiErrors.NEEDS_WEBSOCKET);
        }
        if (!route.sessionless() && !permissions.isPermitted(session, route.permission())) {
            return reject(webSocket ? ApiErrors.BAD_PERMISSIONS_WS : ApiErrors.BAD_PERMISSIONS_HTTP);
        }
        return new Resolved(null, route, session);
    }

    /**
     * Binds and calls the route. Handler errors become SwarmUI's 200 {@code error} replies; anything else becomes
     * {@code internal_error} with the stack trace in the log only. A route that returns a {@link CompletionStage}
     * has released the calling thread; its outcome is mapped the same way when it completes.
     *
     * @return completes with the route's result, or a {@link Reply} for errors; never completes exceptionally
     */
    CompletionStage<Object> invoke(Resolved call, Map<String, Object> body, CallContext context, WebSocketChannel channel) {
        Object result;
        try {
            Object[] args = ArgumentBinder.bind(call.route, body, call.session, context, channel);
            result = call.route.invoker().invoke(args);
        } catch (Throwable t) {
            if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
                throw (Error) t;
            }
            return CompletableFuture.completedFuture(failure(call, t));
        }
        if (result instanceof CompletionStage) {
            return ((CompletionStage<?>) result).handle((value, t) -> t == null ? value : failure(call, t));
        }
        return CompletableFuture.completedFuture(result);
    }

    private static Reply failure(Resolved call, Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiError) {
            ApiError e = (ApiError) t;
            return Reply.cannedError(200, e.getMessage(), e.errorId());
        }
        LOG.log(Level.ERROR, "Internal error in API route " + call.route.name(), t);
        return ApiErrors.INTERNAL_ERROR;
    }

    private static String sessionId(Map<String, Object> body, String header) {
        Object fromBody = body.get(ArgumentBinder.SESSION_KEY);
        String id = fromBody != null ? ParamType.text(fromBody, String::valueOf) : header;
        return id == null || id.isEmpty() ? null : id;
    }

    private static Resolved reject(Reply reply) {
        return new Resolved(reply, null, null);
    }
}
