package apiary.itest.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.pg.PostgresServer;

import org.junit.Test;

/**
 * Two front ends (real processes) sharing one PostgreSQL database, each a node of its own ({@code apiary.node}),
 * both driving one worker: users and sessions are shared, backend entries are per node (each front end lists,
 * runs and edits only its own, ids never collide), and both generate through the worker.
 */
public class SwarmFrontEndsIT {
    @Test
    @SuppressWarnings("unchecked")
    public void frontEndsOnOneDatabaseShareSessionsButEachDrivesOnlyItsOwnEntries() throws Exception {
        try (PostgresServer pg = PostgresServer.start(); SwarmNode worker = SwarmNode.start("fe-worker")) {
            pg.createDatabase("apiary_swarm_front_ends");
            worker.installEcho();
            worker.addBackend(SwarmNode.ECHO, "echo", Map.of("Limits", Map.of("MaxUsages", 2)));
            Map<String, String> db = pg.properties("apiary_swarm_front_ends");
            try (SwarmNode a = SwarmNode.start("fe-a", with(db, "a")); SwarmNode b = SwarmNode.start("fe-b", with(db, "b"))) {
                int onA = a.addBackend(SwarmNode.SWARM, "from a", Map.of("Address", worker.address()));
                int onB = b.addBackend(SwarmNode.SWARM, "from b", Map.of("Address", worker.address()));
                assertNotEquals("ids are unique across the nodes", onA, onB);
                a.awaitBackends("a's child", l -> SwarmNode.childrenOf(l, worker.address()).size() == 1);
                b.awaitBackends("b's child", l -> SwarmNode.childrenOf(l, worker.address()).size() == 1);
                assertFalse("b does not list a's entry", b.backends().containsKey(Integer.toString(onA)));
                assertFalse("a does not list b's entry", a.backends().containsKey(Integer.toString(onB)));
                Map<String, Object> refused = b.call("EditBackend", Map.of("backend_id", onA, "title", "taken", "settings", Map.of()));
                assertEquals("b cannot edit a's entry", "Invalid backend ID " + onA, refused.get("error"));

                String session = a.session();
                Map<String, Object> status = b.call("GetCurrentStatus", Map.of("session_id", session));
                assertFalse("a session made on a works on b: " + status, status.containsKey("error"));
                for (SwarmNode n : List.of(a, b)) {
                    Map<String, Object> made = n.call("GenerateText2Image", Map.of("session_id", session, "prompt", "fe", "images", 2,
                            "seed", 3, "donotsave", true));
                    assertEquals(made.toString(), 2, ((List<Object>) made.get("images")).size());
                }

                a.process.restart();
                a.awaitRoutes();
                Map<String, Map<String, Object>> again = a.awaitBackends("a's entry and child are back",
                        l -> SwarmNode.childrenOf(l, worker.address()).size() == 1);
                assertEquals("from a", again.get(Integer.toString(onA)).get("title"));
                assertFalse(again.containsKey(Integer.toString(onB)));
                assertTrue(b.backends().containsKey(Integer.toString(onB)));
            }
        }
    }

    private static Map<String, String> with(Map<String, String> db, String node) {
        Map<String, String> out = new HashMap<>(db);
        out.put("apiary.node", node);
        return out;
    }
}
