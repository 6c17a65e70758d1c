package apiary.itest.jobs;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.itest.Api;
import apiary.itest.process.ServerProcess;

/** Real launcher processes with the echo test backend installed, for the job tests that need processes. */
public final class EchoProcess {
    private EchoProcess() {
    }

    /**
     * @param data the data folder
     * @param extraProperties more {@code -D} properties (a database, lease timings)
     * @return a started server whose repositories list the echo extension
     */
    public static ServerProcess start(Path data, Map<String, String> extraProperties) throws Exception {
        Path dist = Path.of(System.getProperty("apiary.itest.distribution"));
        Path echoIndex = Path.of(System.getProperty("apiary.itest.echoBundle")).getParent().resolve("repository/index.xml");
        Map<String, String> props = new HashMap<>(extraProperties);
        props.put("apiary.extensions.index", dist.resolve("repository/index.xml").toUri() + "," + echoIndex.toUri());
        return ServerProcess.start(data, List.of(), props);
    }

    /** Installs the echo extension and waits until the job routes answer (they come up with the framework). */
    public static void installEcho(Api api, String session) throws InterruptedException {
        Api.Reply installed = api.call(session, "InstallExtension", Map.of("extensionName", "itest_echo"));
        assertTrue(installed.toString(), installed.json.containsKey("success") || String.valueOf(installed.get("error")).contains("already"));
        for (int i = 0; i < 3000; i++) {
            Object types = api.call(session, "ListBackendTypes", Map.of()).get("list");
            if (String.valueOf(types).contains("itest_echo_backend") && api.call(session, "ListJobs", Map.of()).get("jobs") instanceof List) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the echo backend type never appeared");
    }

    /** @return the id of a new echo backend with these settings */
    public static int addBackend(Api api, String session, Map<String, Object> settings) {
        Api.Reply added = api.call(session, "AddNewBackend", Map.of("type_id", "itest_echo_backend"));
        Number id = (Number) added.get("id");
        assertNotNull(added.toString(), id);
        api.call(session, "EditBackend", Map.of("backend_id", id, "title", "echo", "settings", settings));
        return id.intValue();
    }

    /** The caller's jobs; empty while the routes are still coming up after a (re)start. */
    static List<?> jobs(Api api, String s) {
        Object jobs = api.call(s, "ListJobs", Map.of()).get("jobs");
        return jobs instanceof List ? (List<?>) jobs : List.of();
    }

    /** Waits (up to a minute) for a job the check accepts and returns its id. */
    static long awaitJob(Api api, String s, java.util.function.Predicate<Map<?, ?>> check) throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            for (Object o : jobs(api, s)) {
                Map<?, ?> j = (Map<?, ?>) o;
                if (check.test(j)) {
                    return ((Number) j.get("job_id")).longValue();
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no job reached the expected state: " + jobs(api, s));
    }

    /** Waits (up to two minutes) until the job has the state and returns its row. */
    static Map<?, ?> awaitJobState(Api api, String s, long job, String state) throws InterruptedException {
        Map<?, ?> last = null;
        for (int i = 0; i < 6000; i++) {
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

    /** @return seed to how many saved PNG files under the folder carry it in their metadata */
    static Map<String, Integer> seedsOnDisk(Path folder) throws java.io.IOException {
        Map<String, Integer> seeds = new java.util.TreeMap<>();
        java.util.regex.Pattern seed = java.util.regex.Pattern.compile("\"seed\": (\\d+)");
        if (!java.nio.file.Files.isDirectory(folder)) {
            return seeds;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".png") && !p.getFileName().toString().startsWith(".")).toList()) {
                String text = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                java.util.regex.Matcher m = seed.matcher(text);
                assertTrue("metadata in " + f, m.find());
                seeds.merge(m.group(1), 1, Integer::sum);
            }
        }
        return seeds;
    }
}
