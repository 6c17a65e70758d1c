package apiary.itest.backends;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The scheduler in the running server, against real echo backends: a lease hands out a backend that renders real
 * PNGs, a model request makes a backend load the model, failures and redirects reach the caller, and an edit while a
 * job runs lets the job finish before the old instance stops. Counters are back at zero after each path.
 */
public class SchedulerIT extends ApiaryTestSupport {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Inject
    private BackendRegistry registry;
    @Inject
    private BackendScheduler scheduler;
    @Inject
    private SessionService sessions;
    @Inject
    private RoleStore roles;

    private BackendFixture backends;
    private EchoBundle echo;
    private Session session;

    @Before
    public void setUp() throws Exception {
        backends = new BackendFixture(() -> registry);
        echo = EchoBundle.install(context);
        session = sessions.find(api().newSession()).orElseThrow();
    }

    @After
    public void tearDown() throws Exception {
        backends.removeAll();
        echo.close();
    }

    private BackendLease lease(BackendRequest r) throws Exception {
        return scheduler.acquire(r).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private MapParams params() {
        return new MapParams(session.user());
    }

    private RecordingJob run(BackendLease lease, MapParams p) throws Exception {
        return run(lease, p, session.interruptToken());
    }

    private RecordingJob run(BackendLease lease, MapParams p, InterruptToken token) throws Exception {
        RecordingJob job = new RecordingJob(p, token, lease.backendId());
        lease.backend().generate(job);
        return job;
    }

    /** Runs a job on its own thread, as the pipeline does; optionally closes the lease when it ends. */
    private CompletableFuture<RecordingJob> inBackground(BackendLease lease, boolean close) {
        InterruptToken token = session.interruptToken(); // the job's token is the one current when it starts
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run(lease, params(), token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                if (close) {
                    lease.close();
                }
            }
        });
    }

    /** The old instance shuts down on a worker thread right after its last job: wait for its line in the log. */
    private static void awaitContent(Path file, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && !(Files.exists(file) && Files.readString(file).equals(expected))) {
            Thread.sleep(20);
        }
        assertEquals(expected, Files.exists(file) ? Files.readString(file) : "(no file)");
    }

    private void assertCountersZero() {
        for (StatusCounter c : StatusCounter.values()) {
            assertEquals(c.key(), 0, session.count(c));
        }
    }

    @Test
    public void aLeaseRendersRealDeterministicImages() throws Exception {
        BackendDTO b = backends.addEcho("gen", Map.of("LatencyMs", 30, "Previews", 2));
        backends.await(b.id, BackendStatus.RUNNING);
        MapParams p = params().set(CoreParams.PROMPT, "a bee").set(CoreParams.SEED, 42L)
                .set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 48L);
        RecordingJob first;
        try (BackendLease lease = lease(BackendRequest.of(session, p))) {
            assertEquals(b.id, lease.backendId());
            assertEquals("itest_echo_backend", lease.info().type);
            assertEquals(1, registry.backend(b.id).orElseThrow().usages);
            first = run(lease, p);
        }
        assertEquals(0, registry.backend(b.id).orElseThrow().usages);
        assertEquals(1, first.outputs.size());
        byte[] png = first.outputs.get(0);
        assertArrayEquals(PNG, Arrays.copyOf(png, 8));
        assertEquals("width from the request", 64, readInt(png, 16));
        assertEquals("height from the request", 48, readInt(png, 20));
        assertEquals(2, first.previews.size());
        assertEquals(List.of(1.0 / 3, 2.0 / 3, 1.0), first.progress);
        try (BackendLease lease = lease(BackendRequest.of(session, p))) {
            assertArrayEquals("same seed and prompt, same bytes", png, run(lease, p).outputs.get(0));
            MapParams other = params().set(CoreParams.PROMPT, "a bee").set(CoreParams.SEED, 43L)
                    .set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 48L);
            assertFalse(Arrays.equals(png, run(lease, other).outputs.get(0)));
        }
        assertCountersZero();
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    @Test
    public void aModelRequestLoadsTheModelOnABackendThatListsIt() throws Exception {
        BackendDTO a = backends.addEcho("a", Map.of("Models", "a.safetensors", "CurrentModel", "a.safetensors"));
        BackendDTO b = backends.addEcho("b", Map.of("Models", "a.safetensors,b.safetensors", "CurrentModel", "a.safetensors",
                "LoadLatencyMs", 100));
        backends.await(a.id, BackendStatus.RUNNING);
        backends.await(b.id, BackendStatus.RUNNING);
        MapParams p = params().set(CoreParams.MODEL, "b.safetensors");
        try (BackendLease lease = lease(BackendRequest.of(session, p))) {
            assertEquals("only backend b lists the model", b.id, lease.backendId());
            assertEquals("b.safetensors", registry.backend(b.id).orElseThrow().currentModel);
        }
        assertEquals("a.safetensors", registry.backend(a.id).orElseThrow().currentModel);
        assertEquals(Integer.valueOf(1), scheduler.loadModel(BackendRequest.of(session, null).onBackend(a.id), "a.safetensors")
                .toCompletableFuture().get(20, TimeUnit.SECONDS));
        assertCountersZero();
    }

    @Test
    public void failuresAndRedirectsReachTheCaller() throws Exception {
        BackendDTO failing = backends.addEcho("error", Map.of("GenerateMode", "error"));
        BackendDTO redirecting = backends.addEcho("redirect", Map.of("GenerateMode", "redirect"));
        backends.await(failing.id, BackendStatus.RUNNING);
        backends.await(redirecting.id, BackendStatus.RUNNING);
        try (BackendLease lease = lease(BackendRequest.of(session, params()).onBackend(failing.id))) {
            run(lease, params());
            fail("the echo backend was told to fail");
        } catch (GenerationException e) {
            assertEquals("Echo backend #" + failing.id + " failed as told (seed 0)", e.getMessage());
            assertFalse(e.isRedirect());
        }
        BackendRequest request = BackendRequest.of(session, params()).onBackend(redirecting.id);
        try (BackendLease lease = lease(request)) {
            run(lease, params());
            fail("the echo backend was told to redirect");
        } catch (GenerationException e) {
            assertTrue(e.isRedirect());
        }
        try {
            lease(request.excluding(redirecting.id));
            fail("the only allowed backend gave the request back");
        } catch (ExecutionException e) {
            assertTrue(e.getCause().getMessage(), e.getCause().getMessage().startsWith(
                    "No backends match the settings of the request given! Backends refused for the following reason(s):"));
        }
        assertCountersZero();
    }

    @Test
    public void anInterruptStopsAHangingJobAndAWaitingRequest() throws Exception {
        BackendDTO b = backends.addEcho("hang", Map.of("GenerateMode", "hang"));
        backends.await(b.id, BackendStatus.RUNNING);
        BackendLease lease = lease(BackendRequest.of(session, params()));
        CompletableFuture<RecordingJob> running = inBackground(lease, false);
        CompletableFuture<BackendLease> waiting = scheduler.acquire(BackendRequest.of(session, params())).toCompletableFuture();
        assertEquals(1, session.count(StatusCounter.WAITING_BACKENDS));
        session.interrupt();
        assertTrue(running.get(20, TimeUnit.SECONDS).outputs.isEmpty());
        try {
            waiting.get(20, TimeUnit.SECONDS);
            fail("the waiting request was interrupted");
        } catch (CancellationException e) {
            assertEquals("Generation session interrupted.", e.getMessage());
        }
        lease.close();
        assertCountersZero();
    }

    @Test
    public void anEditWhileAJobRunsLetsTheJobFinishFirst() throws Exception {
        Path log = Files.createTempDirectory("scheduler-it").resolve("shutdowns.log");
        BackendDTO b = backends.addEcho("slow", Map.of("LatencyMs", 1500, "ShutdownLog", log.toString()));
        backends.await(b.id, BackendStatus.RUNNING);
        BackendLease lease = lease(BackendRequest.of(session, params()));
        CompletableFuture<RecordingJob> running = inBackground(lease, true);
        BackendDTO edited = registry.edit(b.id, -1, "edited", Map.of("LatencyMs", 0));
        assertEquals(BackendStatus.WAITING, edited.status);
        assertFalse("the old instance is not shut down under the running job", Files.exists(log));
        assertEquals(1, running.get(20, TimeUnit.SECONDS).outputs.size());
        backends.await(b.id, BackendStatus.RUNNING);
        assertEquals("stopped " + b.id + "\n", Files.readString(log));
        try (BackendLease next = lease(BackendRequest.of(session, params()))) {
            assertEquals(1, run(next, params()).outputs.size());
        }
        assertCountersZero();
    }

    @Test
    public void disablingOrDeletingWhileAJobRunsLetsTheJobFinish() throws Exception {
        Path log = Files.createTempDirectory("scheduler-it").resolve("shutdowns.log");
        BackendDTO b = backends.addEcho("slow", Map.of("LatencyMs", 1000, "ShutdownLog", log.toString()));
        backends.await(b.id, BackendStatus.RUNNING);
        BackendLease lease = lease(BackendRequest.of(session, params()));
        CompletableFuture<RecordingJob> running = inBackground(lease, true);
        assertTrue(registry.setEnabled(b.id, false));
        CompletableFuture<BackendLease> waiting = scheduler.acquire(BackendRequest.of(session, params())).toCompletableFuture();
        assertEquals(1, running.get(20, TimeUnit.SECONDS).outputs.size());
        backends.await(b.id, BackendStatus.DISABLED);
        awaitContent(log, "stopped " + b.id + "\n");
        try {
            waiting.get(20, TimeUnit.SECONDS);
            fail("no backend is left to run it");
        } catch (ExecutionException e) {
            assertEquals("No backends available!", e.getCause().getMessage());
        }

        assertTrue(registry.setEnabled(b.id, true));
        backends.await(b.id, BackendStatus.RUNNING);
        BackendLease second = lease(BackendRequest.of(session, params()));
        CompletableFuture<RecordingJob> again = inBackground(second, true);
        assertTrue(registry.remove(b.id));
        assertEquals(1, again.get(20, TimeUnit.SECONDS).outputs.size());
        assertTrue(registry.backend(b.id).isEmpty());
        awaitContent(log, "stopped " + b.id + "\nstopped " + b.id + "\n");
        assertCountersZero();
    }

    @Test
    public void aGenerationThatHangsFailsAtTheTimeLimitWhileOthersAreServed() throws Exception {
        apiary.itest.Api api = api();
        String admin = api.newSession();
        Map<String, Object> oneMinute = Map.of("settings", Map.of("backends.maxtimeoutminutes", 1));
        assertEquals(Map.of("success", true), api.call(admin, "ChangeServerSettings", oneMinute).json);
        try {
            BackendDTO stuck = backends.addEcho("stuck", Map.of("GenerateMode", "hang"));
            BackendDTO fine = backends.addEcho("fine", Map.of());
            backends.await(stuck.id, BackendStatus.RUNNING);
            backends.await(fine.id, BackendStatus.RUNNING);
            long started = System.nanoTime();
            CompletableFuture<RecordingJob> hanging = inBackground(lease(BackendRequest.of(session, params()).onBackend(stuck.id)), true);

            try (BackendLease other = lease(BackendRequest.of(session, params()).onBackend(fine.id))) {
                assertEquals("everyone else is served meanwhile", 1, run(other, params()).outputs.size());
            }
            try {
                hanging.get(120, TimeUnit.SECONDS);
                fail("the hanging generation must fail");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause().getCause();
                assertTrue(String.valueOf(cause), cause instanceof GenerationException);
                assertEquals("The backend did not finish the generation within 1 minute(s) (server setting "
                        + "MaxTimeoutMinutes), so it was interrupted.", cause.getMessage());
            }
            assertTrue("not before the limit", System.nanoTime() - started >= TimeUnit.SECONDS.toNanos(59));
            assertFalse("the user interrupted nothing", session.interruptToken().isInterrupted());
            try (BackendLease again = lease(BackendRequest.of(session, params()).onBackend(stuck.id))) {
                assertEquals("the lease went back", stuck.id, again.backendId());
            }
            assertCountersZero();
        } finally {
            api.call(admin, "ChangeServerSettings", Map.of("settings", Map.of("backends.maxtimeoutminutes", 120)));
        }
    }

    @Test
    public void theRolesQueueLimitRefusesMoreImages() throws Exception {
        BackendDTO b = backends.addEcho("busy", Map.of());
        backends.await(b.id, BackendStatus.RUNNING);
        List<RoleInfo> before = new java.util.ArrayList<>();
        for (String id : session.user().roles()) {
            roles.find(id).ifPresent(r -> {
                before.add(r);
                roles.save(r.withMaxQueuedImages(2));
            });
        }
        try {
            assertEquals(2, session.user().maxQueuedImages());
            BackendLease running = lease(BackendRequest.of(session, params()));
            CompletableFuture<BackendLease> queued = scheduler.acquire(BackendRequest.of(session, params())).toCompletableFuture();
            try {
                scheduler.acquire(BackendRequest.of(session, params())).toCompletableFuture().get(20, TimeUnit.SECONDS);
                fail("a third image is over the role's limit");
            } catch (ExecutionException e) {
                assertEquals("You already have 2 image(s) queued or running, the most your role allows (2). Wait for some of "
                        + "them to finish, or ask an admin to raise the limit.", e.getCause().getMessage());
            }
            running.close();
            queued.get(20, TimeUnit.SECONDS).close();
        } finally {
            before.forEach(roles::save);
        }
        assertCountersZero();
    }
}
