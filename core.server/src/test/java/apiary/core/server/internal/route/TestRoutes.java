package apiary.core.server.internal.route;

import java.util.Map;

import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;

/** Route declarations for the introspector and table tests: valid ones and every kind of broken one. */
@RouteArea(value = "TestArea", description = "Routes for tests.")
public class TestRoutes implements RouteProvider {
    @Route(permission = "p_ok", description = "Valid.", returns = "\"x\": 1")
    public Map<String, Object> Valid(Session session, CallContext context,
            @Param(description = "Text.") String text,
            @Param(description = "Count.", defaultValue = "-1") int count,
            @Param(description = "Flag.", defaultValue = "false") boolean flag,
            @Param(name = "renamed", description = "Optional.", defaultValue = Param.NULL) Long maybe,
            @Param(description = "Body.") Map<String, Object> raw) {
        return Map.of();
    }

    @Route(name = "CustomName", permission = "p_ok", description = "Named.", nonFinal = true, userUpdate = true)
    public Map<String, Object> javaName() {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "WebSocket.")
    public void StreamWS(WebSocketChannel channel, @Param(description = "N.") int n) {
        channel.send(Map.of("n", n));
    }

    @Route(permission = Route.SESSIONLESS, description = "No session.")
    public String Open() {
        return "ok";
    }

    @Route(permission = "p_ok", description = "Unbindable parameter type.")
    public Map<String, Object> BadType(@Param(description = "?") Object thing) {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "Injected type without @Param but unknown.")
    public Map<String, Object> BadInjection(StringBuilder sb) {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "Default that does not parse.")
    public Map<String, Object> BadDefault(@Param(description = "N.", defaultValue = "many") int n) {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "Same key twice.")
    public Map<String, Object> DuplicateParam(@Param(name = "a", description = "A.") String a,
            @Param(name = "a", description = "B.") String b) {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "HTTP route without a result.")
    public void NoResult() {
    }

    @Route(name = "bad name!", permission = "p_ok", description = "Bad name.")
    public Map<String, Object> badName() {
        return Map.of();
    }

    @Route(permission = "p_ok", description = "Primitive that cannot be null.")
    public Map<String, Object> NullPrimitive(@Param(description = "N.", defaultValue = Param.NULL) int n) {
        return Map.of();
    }

    /** Not a route: no annotation. */
    public Map<String, Object> helper() {
        return Map.of();
    }
}
