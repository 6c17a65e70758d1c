package apiary.itest.comfy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

import org.junit.Before;
import org.junit.Test;

/**
 * ComfyUI backends behind the real scheduler: two simulators work at once, a session's InterruptAll stops its job,
 * and a ComfyUI killed mid-job fails that job quickly with a plain message, gives its lease back, is marked errored,
 * and the next job goes to the other backend.
 */
public class ComfySchedulerIT extends ComfyTestSupport {
    @Inject
    private BackendScheduler scheduler;
    @Inject
    private SessionService sessions;

    private Session session;

    @Before
    public void openSession() {
        session = sessions.find(api().newSession()).orElseThrow();
    }

    private int backend(ComfySimulator sim) throws InterruptedException {
        return comfy.backend(sim, Map.of("OverQueue", 0));
    }

    private Params params(long steps) {
        return new Params(session.user()).set(CoreParams.MODEL, ComfySimulator.MODEL).set(CoreParams.PROMPT, "a bee")
                .set(CoreParams.STEPS, steps).set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 64L)
                .set(CoreParams.SEED, System.nanoTime() & 0xFFFFFF);
    }

    private BackendLease lease(Params p) throws Exception {
        return scheduler.acquire(BackendRequest.of(session, p)).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private CompletableFuture<Job> run(BackendLease lease, Params p) {
        Job job = new Job(p, session.interruptToken(), lease.backendId());
        return CompletableFuture.supplyAsync(() -> {
            try (lease) {
                job.started = System.nanoTime();
                lease.backend().generate(job);
                job.ended = System.nanoTime();
                return job;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    public void twoComfyBackendsWorkAtOnce() throws Exception {
        backend(comfy.simulator(0.05));
        backend(comfy.simulator(0.05));
        BackendLease first = lease(params(20));
        BackendLease second = lease(params(20));
        assertNotEquals("each job on its own backend", first.backendId(), second.backendId());
        CompletableFuture<Job> one = run(first, params(20));
        CompletableFuture<Job> two = run(second, params(20));
        Job x = one.get(60, TimeUnit.SECONDS);
        Job y = two.get(60, TimeUnit.SECONDS);
        assertEquals(1, x.outputs.size());
        assertEquals(1, y.outputs.size());
        assertTrue("the two jobs ran at the same time", x.started < y.ended && y.started < x.ended);
    }

    @Test
    public void interruptAllStopsTheSessionsJob() throws Exception {
        int id = backend(comfy.simulator(0.05));
        CompletableFuture<Job> running = run(lease(params(400)), params(400));
        long deadline = System.currentTimeMillis() + 20_000;
        while (registry.backend(id).orElseThrow().usages == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        // The job is on the backend now: interrupt it the way a user does.
        assertEquals(Map.of("success", true), api().call(sessionId(), "InterruptAll", Map.of()).json);
        Job job = running.get(10, TimeUnit.SECONDS);
        assertTrue(job.outputs.isEmpty());
        assertEquals(0, registry.backend(id).orElseThrow().usages);
    }

    @Test
    public void aComfyKilledMidJobFailsItAndTheNextJobGoesElsewhere() throws Exception {
        ComfySimulator dying = comfy.simulator(0.05);
        ComfySimulator healthy = comfy.simulator(0.02);
        int dyingId = backend(dying);
        BackendLease lease = lease(params(400));
        assertEquals(dyingId, lease.backendId());
        int healthyId = backend(healthy);
        Job job = new Job(params(400), session.interruptToken(), dyingId);
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            try {
                long deadline = System.currentTimeMillis() + 20_000;
                while (job.previews.isEmpty() && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                dying.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long killedAround;
        try (lease) {
            try {
                lease.backend().generate(job);
                throw new AssertionError("the job should have failed");
            } catch (GenerationException e) {
                killedAround = System.currentTimeMillis();
                assertTrue(e.getMessage(), e.getMessage().startsWith("ComfyUI stopped during the generation"));
            }
        }
        killer.get(10, TimeUnit.SECONDS);
        assertTrue(System.currentTimeMillis() - killedAround < 5000);
        comfy.awaitStatus(dyingId, BackendStatus.ERRORED);
        assertEquals(0, registry.backend(dyingId).orElseThrow().usages);
        BackendLease next = lease(params(2));
        assertEquals(healthyId, next.backendId());
        assertEquals(1, run(next, params(2)).get(30, TimeUnit.SECONDS).outputs.size());
    }

    private String sessionId() {
        return session.id();
    }

    /** Parsed parameters, set by id. */
    static final class Params implements T2IRequest {
        private final User user;
        private final Map<String, Object> values = new LinkedHashMap<>();

        Params(User user) {
            this.user = user;
        }

        <T> Params set(T2IParamKey<T> key, T value) {
            values.put(key.id(), value);
            return this;
        }

        @Override public User user() { return user; }
        @Override @SuppressWarnings("unchecked") public <T> Optional<T> get(T2IParamKey<T> key) { return Optional.ofNullable((T) values.get(key.id())); }
        @Override public <T> T getOrDefault(T2IParamKey<T> key) { return get(key).orElse(null); }
        @Override public Map<String, Object> values() { return values; }
        @Override public <T> T2IRequest with(T2IParamKey<T> key, T value) { return new Params(user).setAll(values).set(key, value); }
        @Override public Set<String> requiredFeatures() { return Set.of(); }
        @Override public Map<String, Set<String>> usedModels() { return Map.of("Stable-Diffusion", Set.of(ComfySimulator.MODEL)); }
        @Override public Map<String, Object> extraMetadata() { return Map.of(); }

        private Params setAll(Map<String, Object> v) {
            values.putAll(v);
            return this;
        }
    }

    /** A job that records what the driver reports. */
    static final class Job implements GenerationJob {
        private final T2IRequest request;
        private final InterruptToken interrupt;
        private final int backendId;
        final List<byte[]> previews = new CopyOnWriteArrayList<>();
        final List<byte[]> outputs = new CopyOnWriteArrayList<>();
        volatile long started;
        volatile long ended;

        Job(T2IRequest request, InterruptToken interrupt, int backendId) {
            this.request = request;
            this.interrupt = interrupt;
            this.backendId = backendId;
        }

        @Override public T2IRequest request() { return request; }
        @Override public InterruptToken interrupt() { return interrupt; }
        @Override public int backendId() { return backendId; }
        @Override public void progress(double overall, double current) { }
        @Override public void preview(byte[] image, String mediaType) { previews.add(image); }
        @Override public void output(byte[] data, String mediaType) { outputs.add(data); }
        @Override public void intermediateOutput(byte[] data, String mediaType) { }
    }
}
