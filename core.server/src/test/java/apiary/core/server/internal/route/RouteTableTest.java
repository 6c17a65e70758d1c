package apiary.core.server.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.junit.jupiter.api.Test;

/** The table's rules: case-insensitive names, ranking then age wins, unknown permissions fail closed. */
class RouteTableTest {
    private static final Function<String, Optional<PermissionInfo>> KNOWN = id -> id.equals("p_ok")
            ? Optional.of(PermissionInfo.of("p_ok", "OK", "", PermissionLevel.USER, PermissionGroup.USER))
            : Optional.empty();

    private static List<RouteDefinition> routesOf(long serviceId, int ranking) {
        return RouteIntrospector.introspect(new TestRoutes(), new ProviderRef(serviceId, ranking, serviceId, "b" + serviceId)).routes;
    }

    @Test
    void lookupIgnoresCase() {
        RouteTable table = RouteTable.build(routesOf(1, 0), List.of(), KNOWN);
        assertNotNull(table.find("valid"));
        assertNotNull(table.find("VALID"));
        assertNotNull(table.find("customname"));
        assertNull(table.find("javaName"), "the declared name wins over the method name");
    }

    @Test
    void higherRankingWinsAndTheLoserIsShadowed() {
        List<RouteDefinition> all = new ArrayList<>(routesOf(1, 0));
        all.addAll(routesOf(2, 5));
        RouteTable table = RouteTable.build(all, List.of(), KNOWN);
        assertEquals(2, table.find("Valid").provider.serviceId);
        RouteRuntimeDTO runtime = table.runtime();
        assertEquals(4, runtime.routes.size());
        assertEquals(4, runtime.failed.stream().filter(f -> f.reason.equals(FailedRouteDTO.SHADOWED)).count());
        FailedRouteDTO shadowed = runtime.failed.get(0);
        assertEquals(1, shadowed.serviceId);
        assertEquals("b1", shadowed.bundleSymbolicName);
    }

    @Test
    void onEqualRankingTheOlderServiceWins() {
        List<RouteDefinition> all = new ArrayList<>(routesOf(9, 0));
        all.addAll(routesOf(4, 0));
        assertEquals(4, RouteTable.build(all, List.of(), KNOWN).find("Valid").provider.serviceId);
    }

    @Test
    void unknownPermissionFailsClosedButSessionlessNeedsNone() {
        RouteTable table = RouteTable.build(routesOf(1, 0), List.of(), id -> Optional.empty());
        assertNull(table.find("Valid"));
        assertNotNull(table.find("Open"));
        FailedRouteDTO f = table.runtime().failed.stream().filter(x -> x.name.equals("Valid")).findFirst().orElseThrow();
        assertEquals(FailedRouteDTO.UNKNOWN_PERMISSION, f.reason);
        assertEquals("permission 'p_ok' is not declared by any active bundle", f.detail);
    }

    @Test
    void runtimeDescribesServedRoutes() {
        RouteTable table = RouteTable.build(routesOf(1, 0), List.of(), KNOWN);
        var valid = table.runtime().routes.stream().filter(r -> r.name.equals("Valid")).findFirst().orElseThrow();
        assertEquals("OK", valid.permissionName);
        assertEquals("User", valid.permissionGroup);
        assertEquals(List.of("text", "count", "flag", "renamed", "raw"), valid.params.stream().map(p -> p.name).toList());
        assertEquals(List.of("String", "Int32", "Boolean", "Int64", "JObject"), valid.params.stream().map(p -> p.type).toList());
        assertEquals("(REQUIRED)", valid.params.get(0).defaultText);
    }

    @Test
    void runtimeSnapshotsAreIndependentCopies() {
        RouteTable table = RouteTable.build(routesOf(1, 0), List.of(), KNOWN);
        table.runtime().routes.clear();
        assertEquals(4, table.runtime().routes.size());
        assertSame(RouteTable.EMPTY.runtime().routes.size(), 0);
    }
}
