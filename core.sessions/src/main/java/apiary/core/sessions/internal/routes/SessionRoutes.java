package apiary.core.sessions.internal.routes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.CurrentStatus;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.LogText;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.account.RequestUsers;
import apiary.core.sessions.internal.account.UserImpl;
import apiary.core.sessions.internal.auth.ClientAddress;
import apiary.core.sessions.internal.settings.AuthSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Session routes: creating sessions, their status and interrupts, and debug messages into the server log. */
@Component(service = RouteProvider.class)
@RouteArea(value = Callers.AREA, description = Callers.AREA_DESCRIPTION)
public final class SessionRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(SessionRoutes.class.getName());

    private final Accounts accounts;
    private final AuthSettings auth;
    private final ServerInfo server;
    private volatile BackendRegistry backends;

    /**
     * @param accounts users and sessions
     * @param auth the auth settings
     * @param server facts about the server
     */
    @Activate
    public SessionRoutes(@Reference Accounts accounts, @Reference AuthSettings auth, @Reference ServerInfo server) {
        this.accounts = accounts;
        this.auth = auth;
        this.server = server;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setBackends(BackendRegistry registry) {
        this.backends = registry;
    }

    void unsetBackends(BackendRegistry registry) {
        if (this.backends == registry) {
            this.backends = null;
        }
    }

    /**
     * @param context the caller's connection (cookie, address)
     * @return the new session and the facts a client needs first
     */
    @Route(permission = Route.SESSIONLESS, description = "Special route to create a new session ID. Must be called "
            + "before any other API route. Also returns other fundamental user and server data. Intentionally no "
            + "permission flag required, as permissions are not defined until you create a session.",
            returns = "\"session_id\": \"session_id\", \"user_id\": \"username\", \"output_append_user\": true, "
                    + "\"version\": \"1.2.3\", \"server_id\": \"abc123\", \"permissions\": [\"permission1\", \"permission2\"]")
    public Map<String, Object> GetNewSession(CallContext context) {
        RequestUsers.Caller caller = RequestUsers.resolve(context, accounts, auth)
                .orElseThrow(() -> new ApiError("Invalid or unauthorized."));
        UserImpl user = caller.user();
        String tokenId = caller.tokenId();
        Session session = accounts.newSession(user, ClientAddress.origin(context), tokenId);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session_id", session.id());
        out.put("user_id", user.id());
        out.put("output_append_user", auth.outputAppendUser());
        out.put("version", server.version());
        out.put("server_id", server.serverId());
        out.put("permissions", new ArrayList<>(user.permissionFlags()));
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
                    + "\"supported_features\": [\"feature_id1\", \"feature_id2\"]")
    public Map<String, Object> GetCurrentStatus(Session session) {
        BackendRegistry registry = backends;
        return CurrentStatus.of(List.of(session), registry == null ? BackendStatusReport.empty() : registry.status());
    }

    /**
     * @param session the caller's session
     * @param other_sessions whether to interrupt every session of the user
     * @return success
     */
    @Route(permission = CorePermissions.BASIC_IMAGE_GENERATION, userUpdate = true,
            description = "Tell all waiting generations in this session or all sessions to interrupt.",
            returns = "\"success\": true")
    public Map<String, Object> InterruptAll(Session session, @Param(defaultValue = "False", description = "If true, "
            + "generations from all this user's sessions will be closed (ie even from other web page tabs or API "
            + "usages). If false, only the current session is interrupted.") boolean other_sessions) {
        if (other_sessions) {
            accounts.interruptAll(session.user().id());
        } else {
            session.interrupt();
        }
        return Map.of("success", true);
    }

    /**
     * @param session the caller's session
     * @param message the text to log
     * @return success
     */
    @Route(permission = CorePermissions.SERVER_DEBUG_MESSAGE, description = "Send a debug message to server logs.",
            returns = "\"success\": true")
    public Map<String, Object> ServerDebugMessage(Session session,
            @Param(description = "The message to log.") String message) {
        LOG.log(Level.INFO, "User ''{0}'' sent a debug message: {1}", session.user().id(), LogText.oneLine(message));
        return Map.of("success", true);
    }
}
