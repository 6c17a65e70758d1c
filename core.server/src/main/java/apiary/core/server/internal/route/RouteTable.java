package apiary.core.server.internal.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.ParamDTO;
import apiary.core.api.route.dto.RouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;

/**
 * An immutable route table: for each case-insensitive name the one route that is served, plus every declaration
 * that is not served and why. Rebuilt from scratch whenever routes or permissions change, then swapped in, so the
 * dispatcher reads it without locks.
 */
public final class RouteTable {
    /** The table with no routes. */
    public static final RouteTable EMPTY = build(List.of(), List.of(), id -> Optional.empty());

    private final Map<String, RouteDefinition> served;
    private final RouteRuntimeDTO runtime;

    private RouteTable(Map<String, RouteDefinition> served, RouteRuntimeDTO runtime) {
        this.served = served;
        this.runtime = runtime;
    }

    /**
     * @param routes every valid declaration from every provider
     * @param refused declarations already refused by introspection
     * @param permissions looks up a permission id in the catalogue
     * @return the table
     */
    static RouteTable build(Collection<RouteDefinition> routes, Collection<FailedRouteDTO> refused,
            Function<String, Optional<PermissionInfo>> permissions) {
        RouteRuntimeDTO runtime = new RouteRuntimeDTO();
        runtime.failed.addAll(refused);
        Map<String, List<RouteDefinition>> byName = new HashMap<>();
        for (RouteDefinition route : routes) {
            if (!route.sessionless() && permissions.apply(route.permission).isEmpty()) {
                runtime.failed.add(failure(route, FailedRouteDTO.UNKNOWN_PERMISSION,
                        "permission '" + route.permission + "' is not declared by any active bundle"));
                continue;
            }
            byName.computeIfAbsent(route.key(), k -> new ArrayList<>()).add(route);
        }
        Map<String, RouteDefinition> served = new HashMap<>();
        for (List<RouteDefinition> candidates : byName.values()) {
            RouteDefinition winner = candidates.get(0);
            for (RouteDefinition c : candidates) {
                if (c.provider.beats(winner.provider)) {
                    winner = c;
                }
            }
            served.put(winner.key(), winner);
            for (RouteDefinition c : candidates) {
                if (c != winner) {
                    runtime.failed.add(failure(c, FailedRouteDTO.SHADOWED, "shadowed by " + winner.name + " from " + winner.provider));
                }
            }
        }
        List<RouteDefinition> sorted = new ArrayList<>(served.values());
        sorted.sort(Comparator.comparing((RouteDefinition r) -> r.area).thenComparing(r -> r.name));
        for (RouteDefinition r : sorted) {
            runtime.routes.add(describe(r, permissions.apply(r.permission)));
        }
        runtime.failed.sort(Comparator.comparing((FailedRouteDTO f) -> f.name).thenComparing(f -> f.serviceId));
        return new RouteTable(Map.copyOf(served), runtime);
    }

    /**
     * @param name a route name in any case
     * @return the served route
     */
    public RouteDefinition find(String name) {
        return served.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    /** @return a fresh copy of the runtime view (callers may keep or change it) */
    public RouteRuntimeDTO runtime() {
        RouteRuntimeDTO copy = new RouteRuntimeDTO();
        copy.routes.addAll(runtime.routes);
        copy.failed.addAll(runtime.failed);
        return copy;
    }

    private static RouteDTO describe(RouteDefinition r, Optional<PermissionInfo> permission) {
        RouteDTO dto = new RouteDTO();
        dto.name = r.name;
        dto.area = r.area;
        dto.areaDescription = r.areaDescription;
        dto.permission = r.permission;
        dto.permissionName = permission.map(PermissionInfo::displayName).orElse("");
        dto.permissionGroup = permission.map(p -> p.group().name()).orElse("");
        dto.description = r.description;
        dto.returns = r.returns;
        dto.nonFinal = r.nonFinal;
        dto.webSocket = r.webSocket;
        dto.userUpdate = r.userUpdate;
        dto.maxRequestBytes = r.maxRequestBytes;
        dto.sessionless = r.sessionless();
        for (ParamBinding p : r.params) {
            if (p.isJson()) {
                ParamDTO param = new ParamDTO();
                param.name = p.name;
                param.type = p.type.swarmName();
                param.description = p.description;
                param.defaultText = p.defaultText;
                param.required = p.required;
                dto.params.add(param);
            }
        }
        dto.bundleId = r.provider.bundleId;
        dto.bundleSymbolicName = r.provider.bundleSymbolicName;
        dto.serviceId = r.provider.serviceId;
        dto.ranking = r.provider.ranking;
        dto.handlerClass = r.handlerClass;
        dto.handlerMethod = r.handlerMethod;
        return dto;
    }

    private static FailedRouteDTO failure(RouteDefinition r, String reason, String detail) {
        FailedRouteDTO dto = new FailedRouteDTO();
        dto.name = r.name;
        dto.area = r.area;
        dto.reason = reason;
        dto.detail = detail;
        dto.bundleId = r.provider.bundleId;
        dto.bundleSymbolicName = r.provider.bundleSymbolicName;
        dto.serviceId = r.provider.serviceId;
        dto.handlerClass = r.handlerClass;
        dto.handlerMethod = r.handlerMethod;
        return dto;
    }

    /** @return the served routes by lower-case name, for tests */
    Map<String, RouteDefinition> served() {
        return new LinkedHashMap<>(served);
    }
}
