package apiary.core.admin.internal.status;

import java.time.Instant;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.CurrentStatus;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Server-wide generation status and the connected users, for the server info panels. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class StatusRoutes implements RouteProvider {
    private final SessionService sessions;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /** @param sessions the live sessions */
    @Activate
    public StatusRoutes(@Reference SessionService sessions) {
        this.sessions = sessions;
    }

    /** @return GetCurrentStatus's answer, with the counters summed over every session */
    @Route(permission = CorePermissions.READ_SERVER_INFO_PANELS, nonFinal = true,
            description = "Get global server-wide generation status across all sessions.",
            returns = "    \"status\": {\n        \"waiting_gens\": 0,\n        \"loading_models\": 0,\n        \"waiting_backends\": 0,\n"
                    + "        \"live_gens\": 0\n    },\n    \"backend_status\": {\n"
                    + "        \"status\": \"running\", // \"idle\", \"unknown\", \"disabled\", \"loading\", \"running\", \"some_loading\", \"errored\", \"all_disabled\", \"empty\"\n"
                    + "        \"class\": \"\", // \"error\", \"warn\", \"soft\", \"\"\n        \"message\": \"\", // User-facing English text\n"
                    + "        \"any_loading\": false\n    },\n    \"supported_features\": [\"feature_id1\", \"feature_id2\"]")
    public Map<String, Object> GetGlobalStatus() {
        BackendRegistry registry = backends;
        return CurrentStatus.of(sessions.sessions(), registry == null ? BackendStatusReport.empty() : registry.status());
    }

    /** @return the users with live sessions */
    @Route(permission = CorePermissions.READ_SERVER_INFO_PANELS, description = "Returns a list of currently connected users.",
            returns = "    \"users\":\n    [\n        {\n            \"id\": \"useridhere\",\n            \"last_active_seconds\": 0,\n"
                    + "            \"active_sessions\": [ \"addresshere\", \"...\" ],\n            \"last_active\": \"10 seconds ago\"\n        }\n    ]")
    public Map<String, Object> ListConnectedUsers() {
        return Replies.of("users", ConnectedUsers.build(sessions.sessions(), Instant.now()));
    }
}
