package apiary.core.server.internal.proxy;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;
import apiary.core.api.web.ProxyTarget;
import apiary.core.server.internal.dispatch.HttpCallContext;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link ProxyTarget} whiteboard: requests under a target's prefix are relayed to the URI it names, after the
 * caller's login (the session cookie, as for GET file routes) and the target's permission were checked. HTTP is
 * relayed by {@link HttpRelay}, WebSocket upgrades by {@link WebSocketRelay}. The longest prefix wins.
 */
@Component(service = ProxyRoutes.class, immediate = true)
public final class ProxyRoutes {
    private static final System.Logger LOG = System.getLogger(ProxyRoutes.class.getName());

    private record Entry(ProxyTarget target, String prefix, String permission) {
    }

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final HttpRelay http = new HttpRelay();
    private final WebSocketRelay webSocket = new WebSocketRelay();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SessionService sessions;

    @Reference(service = ProxyTarget.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTarget(ServiceReference<ProxyTarget> reference, ProxyTarget target) {
        long id = (Long) reference.getProperty(Constants.SERVICE_ID);
        Object prefix = reference.getProperty(ProxyTarget.PREFIX);
        Object permission = reference.getProperty(ProxyTarget.PERMISSION);
        if (!(prefix instanceof String) || !((String) prefix).startsWith("/") || !((String) prefix).endsWith("/")
                || ((String) prefix).regionMatches(true, 0, "/API/", 0, 5) || !(permission instanceof String)
                || ((String) permission).isBlank()) {
            LOG.log(Level.WARNING, "Proxy target (service {0}) refused: it needs {1} (a path like /X/ outside /API/) and {2}",
                    id, ProxyTarget.PREFIX, ProxyTarget.PERMISSION);
            return;
        }
        entries.put(id, new Entry(target, (String) prefix, (String) permission));
    }

    void removeTarget(ServiceReference<ProxyTarget> reference, ProxyTarget target) {
        entries.remove((Long) reference.getProperty(Constants.SERVICE_ID));
    }

    /**
     * @param path the request path, still percent-encoded
     * @return true if a proxy target took the request (answered or relaying)
     */
    public boolean tryProxy(String path, Request request, Response response, Callback callback) {
        Entry best = null;
        for (Entry e : entries.values()) {
            if (path.regionMatches(true, 0, e.prefix, 0, e.prefix.length()) && (best == null || e.prefix.length() > best.prefix.length())) {
                best = e;
            }
        }
        if (best == null) {
            return false;
        }
        SessionService s = sessions;
        Optional<User> user = s == null ? Optional.empty() : s.userFor(new HttpCallContext(request, response));
        if (user.isEmpty() || !user.get().hasPermission(best.permission)) {
            error(response, callback, user.isEmpty() ? 401 : 403, user.isEmpty() ? "You must be logged in." : "You lack permission for this.");
            return true;
        }
        boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE));
        Optional<URI> target;
        try {
            target = best.target.target(path.substring(best.prefix.length()), query(request), user.get(), upgrade);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Proxy target for " + best.prefix + " failed", e);
            target = Optional.empty();
        }
        if (target.isEmpty()) {
            error(response, callback, 404, "Nothing to relay to.");
        } else if (upgrade) {
            if (!webSocket.upgrade(target.get(), request, response, callback)) {
                error(response, callback, 400, "Bad WebSocket upgrade.");
            }
        } else {
            http.relay(target.get(), request, response, callback);
        }
        return true;
    }

    static void error(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static Map<String, String> query(Request request) {
        Map<String, String> out = new HashMap<>();
        for (Fields.Field f : Request.extractQueryParameters(request)) {
            out.put(f.getName(), f.getValue());
        }
        return out;
    }
}
