package apiary.backend.comfy.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.backend.comfy.testing.Simulator;
import apiary.backend.comfy.testing.TestContext;
import apiary.backend.comfy.testing.TestJob;
import apiary.backend.comfy.testing.TestJson;
import apiary.backend.comfy.testing.TestRequest;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.t2i.CoreParams;

import org.junit.jupiter.api.Test;

/** A ComfyUI that dies, hangs, talks garbage or is away (AllowIdle): clear failures, and recovery. */
class ComfyFaultsTest {
    private static final TestJson JSON = new TestJson();

    private static TestRequest slow() {
        return new TestRequest().set(CoreParams.MODEL, Simulator.MODEL).set(CoreParams.STEPS, 400L)
                .set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 64L);
    }

    private static TestContext context(String base, boolean allowIdle) {
        return new TestContext(5, Map.of("Address", base, "AllowIdle", allowIdle, "OverQueue", 1L, "EnableFrontendDev", false));
    }

    @Test
    void killedMidJobFailsWithinFiveSecondsAndMarksTheBackendErrored() throws Exception {
        try (Simulator sim = Simulator.install().start(0.05)) {
            TestContext ctx = context(sim.base(), false);
            ComfyBackend b = new ComfyBackend(ctx, new ComfyServices(JSON, new SamplerCatalog()), false);
            b.init();
            TestJob job = new TestJob(slow());
            Thread killer = new Thread(() -> {
                try {
                    TestContext.await(() -> !job.previews.isEmpty(), 20_000);
                    sim.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            killer.start();
            GenerationException e = assertThrows(GenerationException.class, () -> b.generate(job));
            long failedAt = System.currentTimeMillis();
            killer.join();
            assertTrue(e.getMessage().startsWith("ComfyUI stopped during the generation"), e.getMessage());
            assertFalse(e.getMessage().toLowerCase().contains("handshake"));
            assertTrue(TestContext.await(() -> ctx.status() == BackendStatus.ERRORED, 5000));
            assertTrue(System.currentTimeMillis() - failedAt < 5000);
        }
    }

    @Test
    void hungServerTimesOutTheJob() throws Exception {
        try (Simulator sim = Simulator.install().start(0.05)) {
            ComfyBackend b = new ComfyBackend(context(sim.base(), false), new ComfyServices(JSON, new SamplerCatalog()), false);
            b.init();
            TestJob job = new TestJob(slow());
            Thread freezer = new Thread(() -> {
                try {
                    TestContext.await(() -> !job.previews.isEmpty(), 20_000);
                    sim.freeze();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            });
            freezer.start();
            long start = System.currentTimeMillis();
            GenerationException e = assertThrows(GenerationException.class, () -> b.generate(job));
            freezer.join();
            assertTrue(e.getMessage().startsWith("ComfyUI stopped responding"), e.getMessage());
            assertTrue(System.currentTimeMillis() - start < 15_000);
        }
    }

    @Test
    void garbageAnswersGiveAClearError() throws Exception {
        HttpServer garbage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        garbage.createContext("/", x -> {
            byte[] body = "<html>I am not ComfyUI</html>".getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        garbage.start();
        try {
            ComfyBackend b = new ComfyBackend(context("http://127.0.0.1:" + garbage.getAddress().getPort(), false),
                    new ComfyServices(JSON, new SamplerCatalog()), false);
            ComfyException e = assertThrows(ComfyException.class, b::init);
            assertEquals("ComfyUI sent an answer to GET /object_info that is not JSON: <html>I am not ComfyUI</html>", e.getMessage());
        } finally {
            garbage.stop(0);
        }
    }

    @Test
    void allowIdleGoesIdleAndComesBackByItself() throws Exception {
        Simulator sim = Simulator.install();
        TestContext ctx = context(sim.base(), true);
        ComfyBackend b = new ComfyBackend(ctx, new ComfyServices(JSON, new SamplerCatalog()), true);
        try {
            b.init();
            assertEquals(BackendStatus.IDLE, ctx.status());
            GenerationException redirect = assertThrows(GenerationException.class, () -> b.generate(new TestJob(slow())));
            assertTrue(redirect.isRedirect());
            sim.start(0.01);
            assertTrue(TestContext.await(() -> ctx.status() == BackendStatus.RUNNING, 20_000), ctx.statuses.toString());
            TestJob job = new TestJob(slow().set(CoreParams.STEPS, 2L));
            b.generate(job);
            assertEquals(1, job.outputs.size());
        } finally {
            b.shutdown();
            sim.close();
        }
    }
}
