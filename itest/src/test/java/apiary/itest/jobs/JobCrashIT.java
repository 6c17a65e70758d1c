package apiary.itest.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

import org.junit.Test;

/**
 * The real launcher killed with {@code kill -9} in the middle of a job: after the restart, the image tasks that were
 * queued or running run again with their recorded seeds, and the history holds every image of the job exactly once.
 */
public class JobCrashIT {
    private static final Pattern SEED = Pattern.compile("\"seed\": (\\d+)");

    @Test
    public void aKilledServerFinishesItsJobsAfterTheRestartWithEveryImageOnce() throws Exception {
        Path data = ServerProcess.newDataDir("job-crash");
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        Path echoIndex = Path.of(System.getProperty("apiary.itest.echoBundle")).getParent().resolve("repository/index.xml");
        Map<String, String> props = Map.of("apiary.extensions.index",
                dist.resolve("repository/index.xml").toUri() + "," + echoIndex.toUri());
        try (ServerProcess server = ServerProcess.start(data, List.of(), props)) {
            Api api = server.api();
            String s = api.newSession();
            Api.Reply installed = api.call(s, "InstallExtension", Map.of("extensionName", "itest_echo"));
            assertTrue(installed.toString(), installed.json.containsKey("success"));
            awaitRoutes(api, s);
            Api.Reply added = api.call(s, "AddNewBackend", Map.of("type_id", "itest_echo_backend"));
            Number id = (Number) added.get("id");
            assertNotNull(added.toString(), id);
            api.call(s, "EditBackend", Map.of("backend_id", id, "title", "slow", "settings", Map.of("LatencyMs", 1500)));
            Thread t = new Thread(() -> api.call(s, "GenerateText2Image", Map.of("images", 4, "seed", 1000, "prompt", "crash",
                    "overrideoutpathformat", "crash/[seed]")));
            t.setDaemon(true);
            t.start();
            long job = awaitJob(api, s, j -> ((Number) j.get("images_done")).intValue() >= 1);
            server.killHard();
            server.restart();
            String s2 = server.api().newSession();
            Map<?, ?> done = awaitJobState(server.api(), s2, job, "done");
            assertEquals(4, ((Number) done.get("images_done")).intValue());
            List<?> files = (List<?>) server.api().call(s2, "ListImages", Map.of("path", "crash", "depth", 1)).get("files");
            Map<String, Integer> seeds = new HashMap<>();
            for (Object f : files) {
                Matcher m = SEED.matcher(String.valueOf(((Map<?, ?>) f).get("metadata")));
                assertTrue(m.find());
                seeds.merge(m.group(1), 1, Integer::sum);
            }
            assertEquals("every image exactly once: " + files, Map.of("1000", 1, "1001", 1, "1002", 1, "1003", 1), seeds);
        }
    }

    /** Waits until the job routes answer (they come up shortly after the port does). */
    private static void awaitRoutes(Api api, String s) throws InterruptedException {
        for (int i = 0; i < 3000 && !(api.call(s, "ListJobs", Map.of()).get("jobs") instanceof List); i++) {
            Thread.sleep(10);
        }
    }

    /** The job list; empty while the routes are still coming up after a (re)start. */
    private static List<?> jobs(Api api, String s) {
        Object jobs = api.call(s, "ListJobs", Map.of()).get("jobs");
        return jobs instanceof List ? (List<?>) jobs : List.of();
    }

    private static long awaitJob(Api api, String s, java.util.function.Predicate<Map<?, ?>> check) throws InterruptedException {
        for (int i = 0; i < 3000; i++) {
            for (Object o : jobs(api, s)) {
                Map<?, ?> j = (Map<?, ?>) o;
                if (check.test(j)) {
                    return ((Number) j.get("job_id")).longValue();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no job reached the expected state");
    }

    private static Map<?, ?> awaitJobState(Api api, String s, long job, String state) throws InterruptedException {
        Map<?, ?> last = null;
        for (int i = 0; i < 3000; i++) {
            for (Object o : jobs(api, s)) {
                Map<?, ?> j = (Map<?, ?>) o;
                if (((Number) j.get("job_id")).longValue() == job) {
                    last = j;
                    if (state.equals(j.get("state"))) {
                        return j;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + job + " never became " + state + ": " + last);
    }
}
