package apiary.itest.jobs;

import static org.junit.Assert.assertEquals;
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
        try (ServerProcess server = EchoProcess.start(data, Map.of())) {
            Api api = server.api();
            String s = api.newSession();
            EchoProcess.installEcho(api, s);
            EchoProcess.addBackend(api, s, Map.of("LatencyMs", 1500));
            Thread t = new Thread(() -> api.call(s, "GenerateText2Image", Map.of("images", 4, "seed", 1000, "prompt", "crash",
                    "overrideoutpathformat", "crash/[seed]")));
            t.setDaemon(true);
            t.start();
            long job = EchoProcess.awaitJob(api, s, j -> ((Number) j.get("images_done")).intValue() >= 1);
            server.killHard();
            server.restart();
            String s2 = server.api().newSession();
            Map<?, ?> done = EchoProcess.awaitJobState(server.api(), s2, job, "done");
            assertEquals(4, ((Number) done.get("images_done")).intValue());
            List<?> files = (List<?>) server.api().call(s2, "ListImages", Map.of("path", "crash", "depth", 1)).get("files");
            Map<String, Integer> seeds = new HashMap<>();
            for (Object f : files) {
                Matcher m = SEED.matcher(String.valueOf(((Map<?, ?>) f).get("metadata")));
                assertTrue(m.find());
                seeds.merge(m.group(1), 1, Integer::sum);
            }
            assertEquals("every image exactly once: " + files, Map.of("1000", 1, "1001", 1, "1002", 1, "1003", 1), seeds);
            assertEquals("and on disk", seeds, EchoProcess.seedsOnDisk(data.resolve("Output/local/crash")));
        }
    }
}
