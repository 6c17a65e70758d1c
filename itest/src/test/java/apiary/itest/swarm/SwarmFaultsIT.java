package apiary.itest.swarm;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * A worker killed with {@code kill -9} in the middle of a job, with real processes: the job runs again on the other
 * worker with the same seed (or, with no other worker, fails naming the lost one), the lost worker's children
 * leave at once and come back when it is started again on its address.
 */
public class SwarmFaultsIT {
    static SwarmNode front;
    static SwarmNode steady;
    static SwarmNode doomed;
    static int steadyEntry;
    static int doomedEntry;

    @BeforeClass
    public static void startCluster() throws Exception {
        front = SwarmNode.start("faults-front");
        steady = SwarmNode.start("faults-steady");
        doomed = SwarmNode.start("faults-doomed");
        for (SwarmNode w : new SwarmNode[] {steady, doomed}) {
            w.installEcho();
            w.addBackend(SwarmNode.ECHO, "echo", Map.of("LatencyMs", 3000, "Previews", 3));
        }
        steadyEntry = front.addBackend(SwarmNode.SWARM, "steady", Map.of("Address", steady.address()));
        doomedEntry = front.addBackend(SwarmNode.SWARM, "doomed", Map.of("Address", doomed.address()));
        front.awaitBackends("a child of each worker", l -> SwarmNode.childrenOf(l, steady.address()).size() == 1
                && SwarmNode.childrenOf(l, doomed.address()).size() == 1);
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        for (SwarmNode n : new SwarmNode[] {front, steady, doomed}) {
            if (n != null) {
                n.close();
            }
        }
    }

    private static void toggle(int entry, boolean enabled) {
        front.call("ToggleBackend", Map.of("backend_id", entry, "enabled", enabled));
    }

    /** Starts a job that can only land on the doomed worker, then lets the steady one back in. */
    private static LiveSocket jobOnTheDoomedWorker(long seed, boolean steadyBack) throws Exception {
        toggle(steadyEntry, false);
        front.awaitBackends("only the doomed worker's child", l -> SwarmNode.childrenOf(l, steady.address()).isEmpty());
        LiveSocket job = LiveSocket.generate(front.process.port(), Map.of("session_id", front.session(), "prompt", "p",
                "images", 1, "seed", seed, "width", 64, "height", 64, "donotsave", true));
        job.await("progress from the doomed worker", f -> f.get("gen_progress") != null);
        if (steadyBack) {
            toggle(steadyEntry, true);
            front.awaitBackends("the steady worker's child is back", l -> SwarmNode.childrenOf(l, steady.address()).size() == 1);
        }
        return job;
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aKilledWorkersJobRunsAgainElsewhereWithTheSameSeedAndTheWorkerReturns() throws Exception {
        LiveSocket job = jobOnTheDoomedWorker(99, true);
        doomed.process.killHard();
        Map<String, Object> image = job.await("the image, made by the steady worker", f -> f.get("image") != null);
        Map<String, Object> direct = steady.call("GenerateText2Image", Map.of("prompt", "p", "images", 1, "seed", 99,
                "width", 64, "height", 64, "donotsave", true));
        assertEquals("same seed, same image", SwarmNode.pixels(String.valueOf(((List<Object>) direct.get("images")).get(0))),
                SwarmNode.pixels(String.valueOf(image.get("image"))));
        Map<String, Map<String, Object>> l = front.awaitBackends("the lost worker's entry errored",
                x -> "errored".equals(x.get(Integer.toString(doomedEntry)).get("status")));
        assertTrue("its children left", SwarmNode.childrenOf(l, doomed.address()).isEmpty());

        doomed.process.restartOnSamePort();
        front.awaitBackends("the worker and its child are back", x -> "running".equals(x.get(Integer.toString(doomedEntry)).get("status"))
                && SwarmNode.childrenOf(x, doomed.address()).size() == 1);
        job.awaitClosed();

        LiveSocket lonely = jobOnTheDoomedWorker(7, false);
        doomed.process.killHard();
        Map<String, Object> error = lonely.await("an error naming the worker", f -> f.get("error") != null);
        assertTrue(error.toString(), String.valueOf(error.get("error")).contains(doomed.address()));
        assertFalse(lonely.hasImage());
        toggle(steadyEntry, true);
    }

    /**
     * AllowIdle through the server: an entry whose worker is down when it starts is idle (not errored, no children)
     * and comes back by itself, with its child, once the worker answers.
     */
    @Test
    public void anAllowIdleEntryWhoseWorkerIsDownWaitsIdleAndComesBackByItself() throws Exception {
        // The worker's own entry (AllowIdle off) would error for good once its init attempts run out: out of the way.
        toggle(doomedEntry, false);
        doomed.process.killHard(); // down (the other test may have left it down already)
        // The same worker under another name, so that this entry's children are told apart from doomedEntry's.
        String address = doomed.address().replace("127.0.0.1", "localhost");
        int sleeper = front.addBackend(SwarmNode.SWARM, "sleeper", Map.of("Address", address, "AllowIdle", true));
        String key = Integer.toString(sleeper);
        try {
            Map<String, Map<String, Object>> l = front.awaitBackends("the entry of a worker that is down is idle",
                    x -> "idle".equals(x.get(key).get("status")));
            assertTrue("no children while the worker is down", SwarmNode.childrenOf(l, address).isEmpty());

            doomed.process.restartOnSamePort();
            front.awaitBackends("the entry runs again by itself, with the worker's backend as its child",
                    x -> "running".equals(x.get(key).get("status")) && SwarmNode.childrenOf(x, address).size() == 1);
        } finally {
            front.call("DeleteBackend", Map.of("backend_id", sleeper));
        }
        front.awaitBackends("the entry's child left with it", x -> SwarmNode.childrenOf(x, address).isEmpty());
        // As the other test expects to find it: the worker's own entry running again, with its child.
        toggle(doomedEntry, true);
        front.awaitBackends("the worker's own entry and its child are back",
                x -> "running".equals(x.get(Integer.toString(doomedEntry)).get("status"))
                        && SwarmNode.childrenOf(x, doomed.address()).size() == 1);
    }
}
