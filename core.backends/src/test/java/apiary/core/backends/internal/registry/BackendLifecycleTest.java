package apiary.core.backends.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Start, init, retry, failure, staleness and shutdown of instances, without a database. */
class BackendLifecycleTest {
    private final Object lock = new Object();
    private final AtomicInteger changes = new AtomicInteger();
    private volatile CompletableFuture<Void> drain = CompletableFuture.completedFuture(null);
    private final BackendLifecycle lifecycle = new BackendLifecycle(lock, e -> changes.incrementAndGet(),
            key -> drain, () -> 1, () -> false, () -> 60_000);
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        synchronized (lock) {
            lifecycle.closeLocked();
        }
    }

    /** What one init attempt does. */
    private interface Behaviour {
        void init(BackendContext context) throws Exception;
    }

    private TypeBinding type(Behaviour... attempts) {
        AtomicInteger n = new AtomicInteger();
        BackendTypeInfo info = BackendTypeInfo.of("fake", "Fake", "", List.of(SettingDef.integer("Size", 1, "A size.")));
        BackendType service = new BackendType() {
            @Override
            public BackendTypeInfo info() {
                return info;
            }

            @Override
            public Backend create(BackendContext context) {
                int attempt = n.incrementAndGet();
                Behaviour b = attempts[Math.min(attempt, attempts.length) - 1];
                return new Backend() {
                    @Override
                    public void init() throws Exception {
                        log.add("init " + attempt);
                        b.init(context);
                    }

                    @Override
                    public void shutdown() {
                        log.add("shutdown " + attempt);
                    }
                };
            }
        };
        return new TypeBinding(service, info, 0, 1);
    }

    private static BackendEntry entry(boolean enabled, Map<String, Object> settings) {
        return new BackendEntry(new StoredBackend(7, "fake", "", enabled, settings, 0));
    }

    private Backend start(BackendEntry e, TypeBinding type) {
        Handover h;
        synchronized (lock) {
            h = lifecycle.startLocked(e, type);
        }
        lifecycle.finish(h, true);
        return h.old();
    }

    private BackendStatus statusOf(BackendEntry e) {
        synchronized (lock) {
            return e.status;
        }
    }

    private void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time; log " + log);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void successfulInitRunsAndKeepsWhatTheBackendReported() throws Exception {
        BackendEntry e = entry(true, Map.of("Size", "3"));
        start(e, type(ctx -> {
            assertEquals(3L, ctx.settings().get("Size"));
            ctx.setFeatures(List.of("a", "b", "a"));
            ctx.setMaxUsages(2);
        }));
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        synchronized (lock) {
            assertEquals(List.of("a", "b"), e.features);
            assertEquals(2, e.maxUsages);
            assertNull(e.statusMessage);
        }
        assertTrue(changes.get() > 0);
    }

    @Test
    void aBackendMayReportIdleDuringInit() throws Exception {
        BackendEntry e = entry(true, Map.of());
        start(e, type(ctx -> ctx.setStatus(BackendStatus.IDLE)));
        await(() -> statusOf(e) == BackendStatus.IDLE);
    }

    @Test
    void failuresAreRetriedThenTheEntryErrors() throws Exception {
        BackendEntry e = entry(true, Map.of());
        start(e, type(ctx -> {
            throw new IllegalStateException("boom");
        }));
        await(() -> statusOf(e) == BackendStatus.ERRORED);
        assertEquals(List.of("init 1", "shutdown 1", "init 2", "shutdown 2"), log, "max attempts 1 = 2 tries");
        synchronized (lock) {
            assertEquals("Failed to initialize after 2 attempts: boom", e.statusMessage);
        }
    }

    @Test
    void aRetryCanSucceed() throws Exception {
        BackendEntry e = entry(true, Map.of());
        start(e, type(ctx -> {
            throw new IllegalStateException("first");
        }, ctx -> { }));
        await(() -> statusOf(e) == BackendStatus.RUNNING);
    }

    @Test
    void disabledAndTypelessEntriesDoNotInit() {
        BackendEntry disabled = entry(false, Map.of());
        start(disabled, type(ctx -> { }));
        assertEquals(BackendStatus.DISABLED, statusOf(disabled));
        BackendEntry typeless = entry(true, Map.of());
        start(typeless, null);
        assertEquals(BackendStatus.ERRORED, statusOf(typeless));
        synchronized (lock) {
            assertTrue(typeless.statusMessage.contains("'fake' is not installed"), typeless.statusMessage);
        }
        assertEquals(List.of(), log);
    }

    @Test
    void invalidSettingsErrorWithoutRetrying() throws Exception {
        BackendEntry e = entry(true, Map.of("Size", "huge"));
        start(e, type(ctx -> { }));
        await(() -> statusOf(e) == BackendStatus.ERRORED);
        synchronized (lock) {
            assertTrue(e.statusMessage.startsWith("Invalid settings: "), e.statusMessage);
        }
        assertEquals(List.of(), log);
    }

    @Test
    void aRestartDuringInitShutsTheStaleInstanceDownAndIgnoresIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BackendEntry e = entry(true, Map.of());
        TypeBinding type = type(ctx -> {
            release.await(10, TimeUnit.SECONDS);
            ctx.setFeatures(List.of("stale"));
        }, ctx -> ctx.setFeatures(List.of("fresh")));
        start(e, type);
        await(() -> log.contains("init 1"));
        assertEquals(BackendStatus.LOADING, statusOf(e));
        assertNull(start(e, type), "no instance was running yet");
        release.countDown();
        await(() -> log.contains("shutdown 1"));
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        synchronized (lock) {
            assertEquals(List.of("fresh"), e.features);
        }
    }

    @Test
    void stoppingHandsBackTheRunningInstance() throws Exception {
        BackendEntry e = entry(true, Map.of());
        start(e, type(ctx -> ctx.setFeatures(List.of("x"))));
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        Backend running;
        synchronized (lock) {
            running = e.instance;
            assertSame(running, lifecycle.stopLocked(e).old());
            assertEquals(List.of(), e.features);
        }
        lifecycle.shutdown(running);
        assertEquals(List.of("init 1", "shutdown 1"), log);
    }

    @Test
    void anOldInstanceFinishesItsJobsBeforeItStopsAndOnlyThenTheNewOneStarts() throws Exception {
        BackendEntry e = entry(true, Map.of());
        TypeBinding type = type(ctx -> { }, ctx -> { });
        start(e, type);
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        drain = new CompletableFuture<>();
        CompletableFuture<Void> jobsDone = drain;
        start(e, type);
        assertEquals(List.of("init 1"), log, "a job still holds instance 1: no shutdown, no new init");
        synchronized (lock) {
            assertEquals(BackendStatus.WAITING, e.status);
            assertTrue(e.statusMessage.contains("old instance to finish"), e.statusMessage);
        }
        jobsDone.complete(null);
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        assertEquals(List.of("init 1", "shutdown 1", "init 2"), log);
    }

    @Test
    void closingShutsDownInstancesStillDraining() throws Exception {
        BackendEntry e = entry(true, Map.of());
        TypeBinding type = type(ctx -> { }, ctx -> { });
        start(e, type);
        await(() -> statusOf(e) == BackendStatus.RUNNING);
        drain = new CompletableFuture<>();
        start(e, type);
        List<Runnable> pending;
        synchronized (lock) {
            pending = lifecycle.closeLocked();
        }
        pending.forEach(Runnable::run);
        assertEquals(List.of("init 1", "shutdown 1"), log);
        drain.complete(null);
        assertEquals(List.of("init 1", "shutdown 1"), log, "shut down once; no init after closing");
    }
}
