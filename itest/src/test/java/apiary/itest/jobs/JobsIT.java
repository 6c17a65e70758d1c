package apiary.itest.jobs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * Jobs through the running server: a job outlives the socket that submitted it and a new socket reattaches with
 * replay from an event number; one job is interrupted while the user's other job goes on; the ledger lists jobs and
 * usage matches the images made.
 */
public class JobsIT extends ApiaryTestSupport {
    @Inject
    private BackendRegistry registry;
    private EchoBundle echo;
    private final java.util.List<Integer> backends = new java.util.ArrayList<>();

    @Before
    public void setUp() throws Exception {
        echo = EchoBundle.install(context);
    }

    @After
    public void tearDown() throws Exception {
        for (Integer id : backends) {
            registry.remove(id);
        }
        echo.close();
    }

    private int addEcho(Map<String, Object> settings) throws InterruptedException {
        BackendDTO dto = registry.add("itest_echo_backend", "jobs", settings);
        backends.add(dto.id);
        for (int i = 0; i < 1000 && registry.backend(dto.id).orElseThrow().status != BackendStatus.RUNNING; i++) {
            Thread.sleep(10);
        }
        return dto.id;
    }

    /** Submits over HTTP on another thread and returns the job id once the job is listed. */
    private long submit(Api api, String s, Map<String, Object> body, CompletableFuture<Api.Reply> answer) throws InterruptedException {
        long before = System.currentTimeMillis() * 1000L;
        new Thread(() -> answer.complete(api.call(s, "GenerateText2Image", body))).start();
        for (int i = 0; i < 1000; i++) {
            for (Object o : (List<?>) api.call(s, "ListJobs", Map.of()).get("jobs")) {
                Map<?, ?> j = (Map<?, ?>) o;
                long id = ((Number) j.get("job_id")).longValue();
                if (id >= before && Boolean.TRUE.equals(j.get("live")) && !"done".equals(j.get("state"))) {
                    return id;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the job never appeared in ListJobs");
    }

    @Test
    public void aJobOutlivesItsSocketAndIsReplayedToANewOne() throws Exception {
        addEcho(Map.of("LatencyMs", 600L, "Previews", 2L));
        Api api = api();
        String s = api.newSession();
        CompletableFuture<Api.Reply> answer = new CompletableFuture<>();
        long id = submit(api, s, Map.of("images", 2, "prompt", "reattach", "overrideoutpathformat", "jobs/[prompt]-[seed]"), answer);
        Api.WsResult ws = api.ws("SubscribeJobWS", Map.of("session_id", s, "job_id", id, "after_seq", 0));
        Map<String, Object> last = ws.last();
        assertEquals(ws.frames.toString(), Map.of("job_id", id, "state", "done"), last.get("job_done"));
        long images = ws.frames.stream().filter(f -> f.containsKey("image")).count();
        assertEquals("both images reach the reattached socket", 2, images);
        long previous = 0;
        for (Map<String, Object> f : ws.frames) {
            if (f.containsKey("job_seq")) {
                long seq = ((Number) f.get("job_seq")).longValue();
                assertTrue("replayed and live frames in event order", seq > previous);
                previous = seq;
            }
        }
        long mid = ((Number) ws.frames.get(ws.frames.size() / 2).get("job_seq")).longValue();
        Api.WsResult again = api.ws("SubscribeJobWS", Map.of("session_id", s, "job_id", id, "after_seq", mid));
        assertTrue(again.frames.toString(), again.frames.stream().filter(f -> f.containsKey("job_seq"))
                .allMatch(f -> ((Number) f.get("job_seq")).longValue() > mid));
        assertEquals(2, ((List<?>) answer.get(30, TimeUnit.SECONDS).get("images")).size());
        Map<?, ?> job = (Map<?, ?>) ((List<?>) api.call(s, "ListJobs", Map.of()).get("jobs")).stream()
                .filter(o -> ((Number) ((Map<?, ?>) o).get("job_id")).longValue() == id).findFirst().orElseThrow();
        assertEquals("done", job.get("state"));
        assertEquals(2, ((Number) job.get("images_done")).intValue());
        Api.WsResult unknown = api.ws("SubscribeJobWS", Map.of("session_id", s, "job_id", 12345, "after_seq", 0));
        assertEquals("No job with that id.", unknown.last().get("error"));
    }

    @Test
    public void interruptingOneJobLeavesTheOthersRunning() throws Exception {
        addEcho(Map.of("GenerateMode", "hang", "Limits", Map.of("MaxUsages", 4L)));
        Api api = api();
        String s = api.newSession();
        CompletableFuture<Api.Reply> first = new CompletableFuture<>();
        CompletableFuture<Api.Reply> second = new CompletableFuture<>();
        long a = submit(api, s, Map.of("images", 1, "prompt", "a"), first);
        long b = submit(api, s, Map.of("images", 1, "prompt", "b"), second);
        assertEquals(Map.of("success", true), api.call(s, "InterruptJob", Map.of("job_id", a)).json);
        assertEquals("Generation session interrupted.", first.get(30, TimeUnit.SECONDS).get("error"));
        assertTrue("the other job still runs", !second.isDone());
        assertEquals("No running job with that id.", api.call(s, "InterruptJob", Map.of("job_id", a)).get("error"));
        Api.Reply others = api.call(s, "InterruptOtherJobs", Map.of("keep_job_id", -1));
        assertEquals(0, ((Number) others.get("interrupted")).intValue());
        assertEquals(b, ((Number) others.get("kept")).longValue());
        api.call(s, "InterruptJob", Map.of("job_id", b));
        assertEquals("Generation session interrupted.", second.get(30, TimeUnit.SECONDS).get("error"));
    }

    @Test
    public void interruptOtherJobsStopsEveryJobButTheOneKept() throws Exception {
        addEcho(Map.of("GenerateMode", "hang", "Limits", Map.of("MaxUsages", 4L)));
        Api api = api();
        String s = api.newSession();
        CompletableFuture<Api.Reply> first = new CompletableFuture<>();
        CompletableFuture<Api.Reply> second = new CompletableFuture<>();
        CompletableFuture<Api.Reply> third = new CompletableFuture<>();
        long a = submit(api, s, Map.of("images", 1, "prompt", "a"), first);
        long b = submit(api, s, Map.of("images", 1, "prompt", "b"), second);
        long c = submit(api, s, Map.of("images", 1, "prompt", "c"), third);
        // By default the current (oldest running) job is kept.
        Api.Reply others = api.call(s, "InterruptOtherJobs", Map.of());
        assertEquals(others.toString(), 2, ((Number) others.get("interrupted")).intValue());
        assertEquals(a, ((Number) others.get("kept")).longValue());
        assertEquals("Generation session interrupted.", second.get(30, TimeUnit.SECONDS).get("error"));
        assertEquals("Generation session interrupted.", third.get(30, TimeUnit.SECONDS).get("error"));
        assertTrue("the kept job still runs", !first.isDone());
        assertEquals("interrupted", state(api, s, b));
        assertEquals("interrupted", state(api, s, c));
        assertEquals("running", state(api, s, a));
        // With a job named, that one is kept and the current one stops.
        CompletableFuture<Api.Reply> fourth = new CompletableFuture<>();
        long d = submit(api, s, Map.of("images", 1, "prompt", "d"), fourth);
        Api.Reply keepD = api.call(s, "InterruptOtherJobs", Map.of("keep_job_id", d));
        assertEquals(keepD.toString(), 1, ((Number) keepD.get("interrupted")).intValue());
        assertEquals(d, ((Number) keepD.get("kept")).longValue());
        assertEquals("Generation session interrupted.", first.get(30, TimeUnit.SECONDS).get("error"));
        assertTrue("the named job still runs", !fourth.isDone());
        assertEquals(Map.of("success", true), api.call(s, "InterruptJob", Map.of("job_id", d)).json);
        assertEquals("Generation session interrupted.", fourth.get(30, TimeUnit.SECONDS).get("error"));
    }

    /** @return the job's state as ListJobs reports it */
    private static String state(Api api, String s, long id) {
        return (String) ((List<?>) api.call(s, "ListJobs", Map.of()).get("jobs")).stream()
                .map(o -> (Map<?, ?>) o).filter(j -> ((Number) j.get("job_id")).longValue() == id)
                .findFirst().orElseThrow().get("state");
    }

    @Test
    public void usageCountsTheImagesMade() throws Exception {
        addEcho(Map.of("LatencyMs", 5L));
        Api api = api();
        String s = api.newSession();
        long before = usageImages(api, s);
        Api.Reply r = api.call(s, "GenerateText2Image", Map.of("images", 3, "prompt", "metered"));
        assertEquals(r.toString(), 3, ((List<?>) r.get("images")).size());
        long after = 0;
        for (int i = 0; i < 500 && (after = usageImages(api, s)) < before + 3; i++) {
            Thread.sleep(10);
        }
        assertEquals(before + 3, after);
    }

    @Test
    public void usageMatchesTheJobsRunPerBackend() throws Exception {
        int first = addEcho(Map.of("LatencyMs", 40L));
        int second = addEcho(Map.of("LatencyMs", 40L));
        Api api = api();
        String s = api.newSession();
        Map<Long, long[]> before = usageByBackend(api, s);
        Api.Reply a = api.call(s, "GenerateText2Image", Map.of("images", 3, "prompt", "metered", "exactbackendid", first));
        Api.Reply b = api.call(s, "GenerateText2Image", Map.of("images", 2, "prompt", "metered", "exactbackendid", second));
        assertEquals(a.toString(), 3, ((List<?>) a.get("images")).size());
        assertEquals(b.toString(), 2, ((List<?>) b.get("images")).size());
        Map<Long, long[]> after = usageByBackend(api, s);
        assertEquals("first backend: three images", 3, after.get((long) first)[0] - figure(before, first, 0));
        assertEquals("second backend: two images", 2, after.get((long) second)[0] - figure(before, second, 0));
        assertTrue("backend time of at least the echo latency per task",
                after.get((long) first)[1] - figure(before, first, 1) >= 3 * 40);
        assertTrue(after.get((long) second)[1] - figure(before, second, 1) >= 2 * 40);
        long done = 0;
        for (Object o : (List<?>) api.call(s, "ListJobs", Map.of("limit", 2)).get("jobs")) {
            done += ((Number) ((Map<?, ?>) o).get("images_done")).longValue();
        }
        assertEquals("the two jobs' finished tasks in the ledger (3 and 2)", 5, done);
        String everyone = String.valueOf(api.call(s, "GetUsage", Map.of("all", true)).get("usage"));
        assertTrue("the admin view lists the same rows: " + everyone, everyone.contains("backend_id=" + second));
    }

    @Test
    public void aRoleQuotaRefusesRequestsBeyondItWithAClearError() throws Exception {
        addEcho(Map.of("LatencyMs", 5L));
        Api api = api();
        String s = api.newSession();
        List<String> roles = List.of("owner", "admin", "poweruser", "user", "guest");
        long used = ((Number) api.call(s, "GetMyQuota", Map.of()).get("images_today")).longValue();
        try {
            for (String role : roles) {
                assertEquals(Map.of("success", true), api.call(s, "SetRoleQuota", Map.of("role", role, "daily_images", used + 2)).json);
            }
            assertEquals(used + 2, ((Number) api.call(s, "GetMyQuota", Map.of()).get("daily_images")).longValue());
            Api.Reply tooMany = api.call(s, "GenerateText2Image", Map.of("images", 3, "prompt", "quota"));
            assertEquals("Daily image quota exceeded: your roles allow " + (used + 2) + " images per day, " + used
                    + " were made today and 0 are queued, this request asks for 3. The quota resets at 00:00 UTC.", tooMany.get("error"));
            Api.Reply fits = api.call(s, "GenerateText2Image", Map.of("images", 2, "prompt", "quota"));
            assertEquals(fits.toString(), 2, ((List<?>) fits.get("images")).size());
            assertTrue(String.valueOf(api.call(s, "GenerateText2Image", Map.of("images", 1, "prompt", "quota")).get("error"))
                    .startsWith("Daily image quota exceeded"));
            assertEquals("No role with that id.", api.call(s, "SetRoleQuota", Map.of("role", "nobody", "daily_images", 1)).get("error"));
            assertTrue(String.valueOf(api.call(s, "ListRoleQuotas", Map.of()).get("quotas")).contains("poweruser"));
        } finally {
            for (String role : roles) {
                api.call(s, "SetRoleQuota", Map.of("role", role, "daily_images", 0));
            }
        }
        assertEquals(0L, ((Number) api.call(s, "GetMyQuota", Map.of()).get("daily_images")).longValue());
    }

    /** @return backend id to {images, backend milliseconds} of the caller's usage */
    private static Map<Long, long[]> usageByBackend(Api api, String s) {
        Map<Long, long[]> out = new java.util.HashMap<>();
        for (Object o : (List<?>) api.call(s, "GetUsage", Map.of()).get("usage")) {
            Map<?, ?> u = (Map<?, ?>) o;
            long[] v = out.computeIfAbsent(((Number) u.get("backend_id")).longValue(), k -> new long[2]);
            v[0] += ((Number) u.get("images")).longValue();
            v[1] += Math.round(((Number) u.get("backend_seconds")).doubleValue() * 1000);
        }
        return out;
    }

    private static long figure(Map<Long, long[]> usage, int backend, int which) {
        long[] v = usage.get((long) backend);
        return v == null ? 0 : v[which];
    }

    private static long usageImages(Api api, String s) {
        long n = 0;
        for (Object o : (List<?>) api.call(s, "GetUsage", Map.of()).get("usage")) {
            n += ((Number) ((Map<?, ?>) o).get("images")).longValue();
        }
        return n;
    }
}
