package apiary.itest.backends;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.pg.PostgresServer;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The two role limits Apiary adds to SwarmUI's roles (queued images, scheduling weight): set through
 * {@code AdminSetRoleLimits}, shown by {@code AdminListRoles}, kept by SwarmUI's {@code AdminEditRole}, and stored
 * in the role table, so they survive a restart on H2 and on PostgreSQL.
 */
public class RoleLimitsIT {
    private static Map<String, Object> call(Api api, String session, String route, Map<String, ?> body) {
        Api.Reply r = api.call(session, route, body);
        assertEquals(route + ": " + r, 200, r.status);
        return r.json;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> role(Api api, String session, String id) {
        return (Map<String, Object>) ((Map<String, Object>) call(api, session, "AdminListRoles", Map.of()).get("roles")).get(id);
    }

    @Test
    public void limitsSurviveARestartOnH2() throws Exception {
        check(ServerProcess.newDataDir("role-limits-h2"), Map.of());
    }

    @Test
    public void limitsSurviveARestartOnPostgres() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            postgres.createDatabase("apiary_role_limits");
            check(ServerProcess.newDataDir("role-limits-pg"), postgres.properties("apiary_role_limits"));
        }
    }

    private static void check(Path data, Map<String, String> database) throws Exception {
        try (ServerProcess server = ServerProcess.start(data, List.of(), database)) {
            Api api = server.api();
            String s = api.newSession();
            Map<String, Object> user = role(api, s, "user");
            assertEquals("the default queue limit", 1000, user.get("max_queued_images"));
            assertEquals("the default weight", 1.0, user.get("scheduling_weight"));
            assertEquals(Map.of("success", true), call(api, s, "AdminAddRole", Map.of("name", "painter")));
            assertEquals(Map.of("success", true), call(api, s, "AdminSetRoleLimits",
                    Map.of("name", "painter", "max_queued_images", 7, "scheduling_weight", 2.5)));
            assertEquals(Map.of("error", "No role by that name exists."), call(api, s, "AdminSetRoleLimits",
                    Map.of("name", "nobody", "max_queued_images", 7, "scheduling_weight", 1)));
            assertEquals(Map.of("error", "max_queued_images must be between 1 and 1000000."), call(api, s, "AdminSetRoleLimits",
                    Map.of("name", "painter", "max_queued_images", 0, "scheduling_weight", 1)));
            assertEquals(Map.of("error", "scheduling_weight must be greater than 0 and at most 1000."),
                    call(api, s, "AdminSetRoleLimits", Map.of("name", "painter", "max_queued_images", 5, "scheduling_weight", 0)));
            assertEquals(Map.of("success", true), call(api, s, "AdminEditRole", Map.of("name", "painter",
                    "description", "Paints.", "max_outpath_depth", 5, "max_t2i_simultaneous", 2, "allow_unsafe_outpaths", false,
                    "model_whitelist", "", "model_blacklist", "", "permissions", "fundamental")));
            Map<String, Object> painter = role(api, s, "painter");
            assertEquals("SwarmUI's AdminEditRole keeps Apiary's limits", 7, painter.get("max_queued_images"));
            assertEquals(2.5, painter.get("scheduling_weight"));
            assertEquals(0, server.stop());

            server.restart();
            api = server.api();
            s = api.newSession();
            painter = role(api, s, "painter");
            assertEquals("Paints.", painter.get("description"));
            assertEquals(7, painter.get("max_queued_images"));
            assertEquals(2.5, painter.get("scheduling_weight"));
            assertEquals(1000, role(api, s, "owner").get("max_queued_images"));
        }
    }
}
