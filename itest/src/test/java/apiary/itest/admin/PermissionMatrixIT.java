package apiary.itest.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * For every route the server documents in its OpenAPI document (so also routes that later areas and extensions add)
 * and every built-in role, a call is accepted (answered with anything but {@code bad_permissions}) exactly when the
 * role holds the route's permission. Runs in login-required mode on a server of its own; calls send {@code {}}, so
 * required parameters fail binding harmlessly. Routes that end sessions or the server go last.
 */
public class PermissionMatrixIT {
    private static final String PASSWORD = "matrix-password-1";
    /**
     * Called after everything else, role by role in this order: they may restart the server, stop it, or end the
     * caller's sessions. The owner's ShutdownServer is the very last call.
     */
    private static final List<String> LAST = List.of("UpdateAndRestart", "ShutdownServer", "Logout");
    private static final List<String> ROLES = List.of("guest", "user", "poweruser", "admin", "owner");

    @Test
    public void everyRouteIsAcceptedExactlyForTheRolesHoldingItsPermission() throws Exception {
        try (ServerProcess server = ServerProcess.start(ServerProcess.newDataDir("permission-matrix"))) {
            Api api = server.api();
            String local = api.newSession();
            Map<String, String> sessions = new LinkedHashMap<>();
            for (String role : ROLES) {
                Api.Reply added = api.call(local, "AdminAddUser", Map.of("name", "matrix" + role, "password", PASSWORD, "role", role));
                assertEquals(added.toString(), Map.of("success", true), added.json);
            }
            Api.Reply auth = api.call(local, "ChangeServerSettings", Map.of("settings", Map.of(
                    "userauthorization.authorizationrequired", true, "userauthorization.allowlocalhostbypass", false)));
            assertEquals(auth.toString(), Map.of("success", true), auth.json);
            assertEquals("login-required mode is on", "Invalid or unauthorized.", api.post("GetNewSession", Map.of()).get("error"));
            for (String role : ROLES) {
                sessions.put(role, login(api, "matrix" + role));
            }

            Api.Reply rolesReply = api.call(sessions.get("owner"), "AdminListRoles", Map.of());
            Map<?, ?> roles = (Map<?, ?>) rolesReply.get("roles");
            assertTrue(rolesReply.toString(), roles != null);
            Map<String, List<?>> granted = new LinkedHashMap<>();
            for (String role : ROLES) {
                granted.put(role, (List<?>) ((Map<?, ?>) roles.get(role)).get("permissions"));
            }

            List<Map<?, ?>> routes = new ArrayList<>();
            List<Map<?, ?>> last = new ArrayList<>();
            Map<?, ?> paths = (Map<?, ?>) api.send(HttpRequest.newBuilder(api.uri("/openapi.json")).GET().build()).json.get("paths");
            for (Object op : paths.values()) {
                Map<?, ?> post = (Map<?, ?>) ((Map<?, ?>) op).get("post");
                if (!Boolean.TRUE.equals(post.get("x-sessionless"))) {
                    (LAST.contains(post.get("operationId")) ? last : routes).add(post);
                }
            }
            last.sort((a, b) -> LAST.indexOf(a.get("operationId")) - LAST.indexOf(b.get("operationId")));
            assertTrue("the matrix covers the admin routes: " + routes.size(), routes.stream().anyMatch(r -> "AdminListRoutes".equals(r.get("operationId"))));
            for (String backendRoute : List.of("ListBackendTypes", "ListBackends", "AddNewBackend", "DeleteBackend", "EditBackend",
                    "ToggleBackend", "RestartBackends", "FreeBackendMemory")) {
                assertTrue("the matrix covers " + backendRoute, routes.stream().anyMatch(r -> backendRoute.equals(r.get("operationId"))));
            }
            Map<?, ?> shutdown = last.stream().filter(r -> "ShutdownServer".equals(r.get("operationId"))).findFirst().orElseThrow();

            List<String> wrong = new ArrayList<>();
            int calls = 0;
            for (Map<?, ?> route : routes) {
                for (String role : ROLES) {
                    check(api, route, role, sessions.get(role), granted.get(role), wrong);
                    calls++;
                }
            }
            // Logout ends every session of its user, so the owner's ShutdownServer goes through a session of the local
            // (owner) user, reachable again once the localhost bypass is back on.
            assertEquals(Map.of("success", true), api.call(sessions.get("owner"), "ChangeServerSettings",
                    Map.of("settings", Map.of("userauthorization.allowlocalhostbypass", true))).json);
            Api.Reply localAgain = api.post("GetNewSession", Map.of());
            assertEquals(localAgain.toString(), "local", localAgain.get("user_id"));
            for (String role : ROLES) {
                for (Map<?, ?> route : last) {
                    if (route != shutdown || !role.equals("owner")) {
                        check(api, route, role, sessions.get(role), granted.get(role), wrong);
                        calls++;
                    }
                }
            }
            check(api, shutdown, "owner", (String) localAgain.get("session_id"), granted.get("owner"), wrong);
            assertEquals("calls whose acceptance does not follow the role's permissions", List.of(), wrong);
            assertTrue(calls >= 5 * 30);
            assertEquals("the owner's ShutdownServer stopped the server", 0, server.waitForExit(Duration.ofSeconds(60)));
        }
    }

    private static void check(Api api, Map<?, ?> route, String role, String session, List<?> granted, List<String> wrong) {
        String name = (String) route.get("operationId");
        String permission = (String) route.get("x-permission");
        boolean holds = granted.contains(permission) || granted.contains("*");
        Object errorId;
        if (Boolean.TRUE.equals(route.get("x-websocket"))) {
            Api.WsResult ws = api.ws(name, Map.of("session_id", session));
            errorId = ws.frames.isEmpty() ? null : ws.frames.get(0).get("error_id");
        } else {
            errorId = api.call(session, name, Map.of()).get("error_id");
        }
        boolean accepted = !"bad_permissions".equals(errorId);
        if (accepted != holds) {
            wrong.add(name + " as " + role + " (permission " + permission + ", " + (holds ? "held" : "not held") + "): "
                    + (accepted ? "accepted" : "refused"));
        }
        if ("invalid_session_id".equals(errorId)) {
            wrong.add(name + " as " + role + ": the session had ended");
        }
    }

    private static String login(Api api, String name) {
        Api.Reply r = api.post("Login", Map.of("username", name, "password", PASSWORD));
        assertEquals(r.toString(), "true", r.get("success"));
        String cookie = r.raw.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("swarm_token="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst().orElseThrow();
        Api.Reply s = api.send(HttpRequest.newBuilder(api.uri("/API/GetNewSession")).header("Content-Type", "application/json")
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertTrue(s.toString(), s.get("session_id") instanceof String);
        return (String) s.get("session_id");
    }
}
