package apiary.core.api.web;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.session.User;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Passes HTTP requests and WebSocket connections under one path prefix through to another server, as SwarmUI's
 * {@code /ComfyBackendDirect/...} does for a ComfyUI backend. The service properties {@link #PREFIX} and
 * {@link #PERMISSION} say which paths and who may use them; the server checks the caller's login and permission,
 * then relays request and answer (bodies streamed both ways, WebSocket frames text and binary) to the URI this
 * service names.
 *
 * <pre>{@code
 * @Component(property = {ProxyTarget.PREFIX + "=/ComfyBackendDirect/", ProxyTarget.PERMISSION + "=comfy_direct_calls"})
 * public class ComfyDirect implements ProxyTarget { ... }
 * }</pre>
 */
@ConsumerType
public interface ProxyTarget {
    /** Service property: the path prefix, starting and ending with {@code /}. */
    String PREFIX = "apiary.proxy.prefix";
    /** Service property: the permission id a caller needs. */
    String PERMISSION = "apiary.proxy.permission";

    /**
     * @param path the rest of the path after the prefix, still percent-encoded
     * @param query the query parameters (first value of each)
     * @param user the caller, already checked for the permission
     * @param webSocket whether the request is a WebSocket upgrade
     * @return the full upstream URI to relay to ({@code http(s)://} or, for WebSocket, {@code ws(s)://}, with path and
     *         query), or empty when there is nothing to relay to (answered 404)
     */
    Optional<URI> target(String path, Map<String, String> query, User user, boolean webSocket);
}
