package apiary.itest.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import apiary.itest.Api;
import apiary.itest.pg.PostgresServer;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * Two front ends (real launcher processes) on one PostgreSQL ledger that the test starts, saving into one output
 * folder: the first is killed with {@code kill -9} while it has a running job and a queued one; the second notices
 * that its lease expired, takes both jobs over and finishes them, and every image exists exactly once.
 */
public class FrontEndsIT {
    /** Short lease timings, so that the take-over happens within seconds. */
    private static final Map<String, String> LEASE = Map.of("apiary.jobs.heartbeatMillis", "500", "apiary.jobs.leaseMillis", "5000");

    @Test
    public void aDeadFrontEndsQueuedAndRunningJobsAreFinishedByTheOtherWithEveryImageOnce() throws Exception {
        try (PostgresServer pg = PostgresServer.start()) {
            pg.createDatabase("apiary_front_ends");
            Map<String, String> props = new HashMap<>(pg.properties("apiary_front_ends"));
            props.putAll(LEASE);
            Path outputs = ServerProcess.newDataDir("front-ends-output");
            try (ServerProcess a = EchoProcess.start(ServerProcess.newDataDir("front-end-a"), props)) {
                Api apiA = a.api();
                String sa = apiA.newSession();
                EchoProcess.installEcho(apiA, sa);
                Api.Reply shared = apiA.call(sa, "ChangeServerSettings", Map.of("settings", Map.of("paths.outputpath", outputs.toString())));
                assertEquals(shared.toString(), Map.of("success", true), shared.json);
                EchoProcess.addBackend(apiA, sa, Map.of("LatencyMs", 700, "Limits", Map.of("MaxUsages", 1)));
                // The second front end starts after the backend exists in the shared database, so it runs one too.
                try (ServerProcess b = EchoProcess.start(ServerProcess.newDataDir("front-end-b"), props)) {
                    Api apiB = b.api();
                    String sb = apiB.newSession();
                    EchoProcess.installEcho(apiB, sb);
                    submit(apiA, sa, Map.of("images", 5, "seed", 500, "prompt", "fe", "overrideoutpathformat", "fe/[seed]"));
                    long running = EchoProcess.awaitJob(apiA, sa, j -> ((Number) j.get("images_done")).intValue() >= 1);
                    submit(apiA, sa, Map.of("images", 2, "seed", 900, "prompt", "fe", "overrideoutpathformat", "fe/[seed]"));
                    long queued = EchoProcess.awaitJob(apiA, sa, j -> ((Number) j.get("job_id")).longValue() != running);
                    a.killHard();

                    Map<?, ?> first = EchoProcess.awaitJobState(apiB, sb, running, "done");
                    Map<?, ?> second = EchoProcess.awaitJobState(apiB, sb, queued, "done");
                    assertEquals(5, ((Number) first.get("images_done")).intValue());
                    assertEquals(2, ((Number) second.get("images_done")).intValue());
                    Map<String, Integer> expected = new TreeMap<>();
                    for (String seed : List.of("500", "501", "502", "503", "504", "900", "901")) {
                        expected.put(seed, 1);
                    }
                    assertEquals("every image exactly once", expected, EchoProcess.seedsOnDisk(outputs.resolve("local/fe")));
                    assertTrue("the survivor says it took the jobs over", b.console().contains("taking over its job " + running));
                    long usage = 0;
                    for (Object o : (List<?>) apiB.call(sb, "GetUsage", Map.of()).get("usage")) {
                        usage += ((Number) ((Map<?, ?>) o).get("images")).longValue();
                    }
                    assertEquals("usage on the shared ledger counts each image once", 7, usage);
                }
            }
        }
    }

    private static void submit(Api api, String s, Map<String, Object> body) {
        Thread t = new Thread(() -> api.call(s, "GenerateText2Image", body));
        t.setDaemon(true);
        t.start();
    }
}
