package apiary.core.server.internal.route;

import java.util.Map;

import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteProvider;

/** Gives tests in other packages ready-made route definitions. */
public final class RouteTestAccess {
    private RouteTestAccess() {
    }

    /** A route of {@link TestRoutes} by name. */
    public static RouteDefinition route(String name) {
        return RouteIntrospector.introspect(new TestRoutes(), new ProviderRef(1, 0, 1, "test")).routes.stream()
                .filter(r -> r.name.equals(name)).findFirst().orElseThrow();
    }

    /** A route taking a {@code String[]} parameter named {@code items}. */
    public static RouteDefinition arrays() {
        return RouteIntrospector.introspect(new Arrays(), new ProviderRef(1, 0, 1, "test")).routes.get(0);
    }

    /** Holder of the array route. */
    public static class Arrays implements RouteProvider {
        /** Echoes its array. */
        @Route(permission = "p_ok", description = "Arrays.")
        public Map<String, Object> Items(@Param(description = "Items.", defaultValue = "") String[] items) {
            return Map.of("items", items);
        }
    }
}
