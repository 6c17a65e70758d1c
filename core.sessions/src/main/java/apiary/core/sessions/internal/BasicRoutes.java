package apiary.core.sessions.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Session routes of the BasicAPIFeatures area. */
@Component(service = RouteProvider.class)
@RouteArea(value = "BasicAPIFeatures", description = "Basic general API routes, primarily for users and session handling.")
public final class BasicRoutes implements RouteProvider {
    private final SessionStore sessions;
    private final ServerInfo server;

    /**
     * @param sessions the session store
     * @param server facts about the server
     */
    @Activate
    public BasicRoutes(@Reference SessionStore sessions, @Reference ServerInfo server) {
        this.sessions = sessions;
        this.server = server;
    }

    /**
     * @param context the caller's connection
     * @return the new session
     */
    @Route(permission = Route.SESSIONLESS, description = "Get a new session ID.",
            returns = "\"session_id\": \"1234abcd\", \"user_id\": \"local\", \"output_append_user\": true, "
                    + "\"version\": \"1.2.3\", \"server_id\": \"abc123\", \"permissions\": [\"a\", \"b\"]")
    public Map<String, Object> GetNewSession(CallContext context) {
        Session session = sessions.create(context.remoteAddress());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", session.id());
        out.put("user_id", session.user().id());
        out.put("output_append_user", true);
        out.put("version", server.version());
        out.put("server_id", server.serverId());
        out.put("permissions", new ArrayList<>(session.user().permissionFlags()));
        return out;
    }

    /**
     * @param session the caller's session
     * @return the counters and backend summary
     */
    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS,
            description = "Get current waiting generation count, model loading count, etc.",
            returns = "\"status\": {\"waiting_gens\": 0, \"loading_models\": 0, \"waiting_backends\": 0, \"live_gens\": 0}, "
                    + "\"backend_status\": {\"status\": \"running\", \"class\": \"\", \"message\": \"\", \"any_loading\": false}, "
                    + "\"supported_features\": [\"feature_id1\"]")
    public Map<String, Object> GetCurrentStatus(Session session) {
        Map<String, Object> status = new LinkedHashMap<>();
        for (StatusCounter c : StatusCounter.values()) {
            status.put(c.key(), session.counter(c).get());
        }
        Map<String, Object> backend = new LinkedHashMap<>();
        backend.put("status", "empty");
        backend.put("class", "error");
        backend.put("message", "No backends present. You must configure backends on the Backends section of the Server tab before you can continue.");
        backend.put("any_loading", false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status);
        out.put("backend_status", backend);
        out.put("supported_features", List.of());
        return out;
    }
}
