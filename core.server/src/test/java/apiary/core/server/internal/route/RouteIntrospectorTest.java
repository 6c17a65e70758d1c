package apiary.core.server.internal.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import apiary.core.api.route.dto.FailedRouteDTO;

import org.junit.jupiter.api.Test;

/** Reading @Route methods: what is accepted, how parameters are planned, and what is refused with which reason. */
class RouteIntrospectorTest {
    private final RouteIntrospector.Result result = RouteIntrospector.introspect(new TestRoutes(),
            new ProviderRef(7, 0, 3, "test.bundle"));

    private RouteDefinition route(String name) {
        return result.routes.stream().filter(r -> r.name.equals(name)).findFirst().orElseThrow();
    }

    @Test
    void validRoutesAreRead() {
        assertEquals(List.of("CustomName", "Open", "StreamWS", "Valid"),
                result.routes.stream().map(r -> r.name).sorted().collect(Collectors.toList()));
        RouteDefinition valid = route("Valid");
        assertEquals("TestArea", valid.area);
        assertEquals("p_ok", valid.permission());
        assertFalse(valid.webSocket());
        List<ParamBinding> params = valid.params();
        assertEquals(ParamBinding.Kind.SESSION, params.get(0).kind());
        assertEquals(ParamBinding.Kind.CONTEXT, params.get(1).kind());
        assertEquals("text", params.get(2).name());
        assertTrue(params.get(2).required());
        assertEquals(-1, params.get(3).defaultValue());
        assertEquals("False", params.get(4).defaultText, "docs print C#'s boolean defaults");
        assertEquals("renamed", params.get(5).name());
        assertEquals(null, params.get(5).defaultValue());
        assertEquals("(null)", params.get(5).defaultText);
        assertEquals(ParamBinding.Kind.BODY, params.get(6).kind());
    }

    @Test
    void nameFlagsAndKindsComeFromTheAnnotation() {
        RouteDefinition custom = route("CustomName");
        assertTrue(custom.nonFinal);
        assertTrue(custom.userUpdate());
        assertTrue(route("StreamWS").webSocket());
        assertTrue(route("Open").sessionless());
    }

    @Test
    void brokenDeclarationsAreRefusedWithReasons() {
        Map<String, String> refused = result.refused.stream().collect(Collectors.toMap(f -> f.name, f -> f.detail));
        assertEquals(7, refused.size(), refused.toString());
        assertTrue(refused.get("BadType").contains("unsupported type"));
        assertTrue(refused.get("BadInjection").contains("no @Param"));
        assertTrue(refused.get("BadDefault").contains("not a valid Int32"));
        assertTrue(refused.get("DuplicateParam").contains("used twice"));
        assertTrue(refused.get("NoResult").contains("must return a value"));
        assertTrue(refused.get("bad name!").contains("letters, digits"));
        assertTrue(refused.get("NullPrimitive").contains("cannot default to null"));
        for (FailedRouteDTO f : result.refused) {
            assertEquals(FailedRouteDTO.INVALID_SIGNATURE, f.reason);
            assertEquals("test.bundle", f.bundleSymbolicName);
            assertEquals(7, f.serviceId);
        }
    }
}
