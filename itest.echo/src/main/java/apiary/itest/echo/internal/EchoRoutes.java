package apiary.itest.echo.internal;

import java.util.Map;

import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;

import org.osgi.service.component.annotations.Component;

/** Echo routes covering every binding kind, plus declarations the registry must refuse. */
@Component(service = RouteProvider.class)
@RouteArea(value = "ItestEcho", description = "Routes installed by the integration tests.")
public class EchoRoutes implements RouteProvider {
    /** Echoes every typed parameter back. */
    @Route(permission = EchoPermissions.ECHO, description = "Echoes its parameters.", returns = "\"text\": \"...\"")
    public Map<String, Object> ItestEcho(Session session,
            @Param(description = "Any text.") String text,
            @Param(description = "A count.", defaultValue = "1") int count,
            @Param(description = "A flag.", defaultValue = "False") boolean flag,
            @Param(description = "A number.", defaultValue = "0.5") double ratio,
            @Param(description = "A big number.", defaultValue = "-1") long big,
            @Param(description = "Optional text.", defaultValue = Param.NULL) String maybe,
            @Param(description = "A list.", defaultValue = "") String[] items) {
        return Map.of("text", text, "count", count, "flag", flag, "ratio", ratio, "big", big,
                "maybe", maybe == null ? "(null)" : maybe, "items", items, "user", session.user().id());
    }

    /** Receives the whole body. */
    @Route(permission = EchoPermissions.ECHO, description = "Echoes the whole body.")
    public Map<String, Object> ItestEchoBody(@Param(description = "The body.") Map<String, Object> raw) {
        return Map.of("raw", raw);
    }

    /** Throws, to test internal_error. */
    @Route(permission = EchoPermissions.ECHO, description = "Always fails.")
    public Map<String, Object> ItestCrash() {
        throw new IllegalStateException("secret internal detail");
    }

    /** Returns null, to test no_result. */
    @Route(permission = EchoPermissions.ECHO, description = "Returns nothing.")
    public Map<String, Object> ItestNull() {
        return null;
    }

    /** Streams {@code count} frames, then a final one. */
    @Route(permission = EchoPermissions.ECHO, description = "Streams frames.")
    public Map<String, Object> ItestEchoWS(WebSocketChannel socket, @Param(description = "Text.") String text,
            @Param(description = "Frames.", defaultValue = "3") int count) {
        for (int i = 0; i < count; i++) {
            socket.send(Map.of("frame", i, "text", text));
        }
        return Map.of("done", true);
    }

    /** Refused: its permission is declared nowhere. */
    @Route(permission = "itest_undeclared", description = "Never served.")
    public Map<String, Object> ItestUndeclared() {
        return Map.of();
    }

    /** Refused: an unbindable parameter type. */
    @Route(permission = EchoPermissions.ECHO, description = "Never served.")
    public Map<String, Object> ItestBadSignature(@Param(description = "Unsupported.") Thread thread) {
        return Map.of();
    }
}
