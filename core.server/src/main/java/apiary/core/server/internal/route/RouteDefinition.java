package apiary.core.server.internal.route;

import java.util.List;
import java.util.Locale;

import apiary.core.api.route.Route;

/** One route read from a {@code @Route} method: its metadata, its parameter plan and the handle to call it. */
public final class RouteDefinition {
    final String name;
    final String area;
    final String areaDescription;
    final String permission;
    final String description;
    final String returns;
    final boolean nonFinal;
    final boolean userUpdate;
    final boolean webSocket;
    final long maxRequestBytes;
    final List<ParamBinding> params;
    final ProviderRef provider;
    /** Bound to the provider instance; takes one {@code Object[]} of the arguments in declaration order. */
    final RouteInvoker invoker;
    /** The class declaring the Java method, and the method's name: where a reader finds the route's code. */
    final String handlerClass;
    final String handlerMethod;

    RouteDefinition(String name, String area, String areaDescription, String permission, String description,
            String returns, boolean nonFinal, boolean userUpdate, boolean webSocket, long maxRequestBytes, List<ParamBinding> params,
            ProviderRef provider, RouteInvoker invoker, String handlerClass, String handlerMethod) {
        this.name = name;
        this.area = area;
        this.areaDescription = areaDescription;
        this.permission = permission;
        this.description = description;
        this.returns = returns;
        this.nonFinal = nonFinal;
        this.userUpdate = userUpdate;
        this.webSocket = webSocket;
        this.maxRequestBytes = maxRequestBytes;
        this.params = List.copyOf(params);
        this.provider = provider;
        this.invoker = invoker;
        this.handlerClass = handlerClass;
        this.handlerMethod = handlerMethod;
    }

    /** @return the declared name */
    public String name() {
        return name;
    }

    String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return the permission id, empty for sessionless routes */
    public String permission() {
        return permission;
    }

    /** @return whether the route can be called without a session */
    public boolean sessionless() {
        return Route.SESSIONLESS.equals(permission);
    }

    /** @return whether this is a WebSocket route */
    public boolean webSocket() {
        return webSocket;
    }

    /** @return the largest request body or first WebSocket message the route accepts, in bytes */
    public long maxRequestBytes() {
        return maxRequestBytes;
    }

    /** @return whether calls refresh last-used times */
    public boolean userUpdate() {
        return userUpdate;
    }

    /** @return the parameter plan, one entry per Java parameter */
    public List<ParamBinding> params() {
        return params;
    }

    /** @return what calls the route's method on its provider */
    public RouteInvoker invoker() {
        return invoker;
    }
}
