package apiary.backend.comfy.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.backend.comfy.internal.info.SamplerCatalog;
import apiary.backend.comfy.internal.params.ComfyParams;
import apiary.backend.comfy.testing.Simulator;
import apiary.backend.comfy.testing.TestContext;
import apiary.backend.comfy.testing.TestJob;
import apiary.backend.comfy.testing.TestJson;
import apiary.backend.comfy.testing.TestRequest;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.t2i.CoreParams;

import org.junit.jupiter.api.Test;

/**
 * comfyui_selfstart with the simulator installed as a ComfyUI folder: launched with SwarmUI's arguments, ready,
 * its output captured, Apiary's model folders visible through the generated model-paths file, a crash restarted,
 * and the process gone after shutdown.
 */
class SelfStartBackendTest {
    @Test
    void launchesServesRestartsAfterACrashAndLeavesNoProcess() throws Exception {
        Simulator sim = Simulator.install();
        Path data = Files.createTempDirectory("apiary-data-");
        Path ourModels = Files.createTempDirectory("apiary-models-");
        Simulator.writeModel(ourModels.resolve("Stable-Diffusion/apiary-model.safetensors"), "stable-diffusion-v1");
        List<String> log = new CopyOnWriteArrayList<>();
        SelfStartEnvironment env = new SelfStartEnvironment(data,
                subtype -> subtype.equals("Stable-Diffusion") ? List.of(ourModels.resolve("Stable-Diffusion")) : List.of(ourModels.resolve(subtype)),
                ourModels, Simulator.freePort() + 100, id -> log::add);
        Map<String, Object> settings = new HashMap<>(Map.of("StartScript", sim.mainPy().toString(), "ExtraArgs", "--cpu",
                "DisableInternalArgs", false, "EnablePreviews", "true", "GPU_ID", "1", "OverQueue", 1L, "AutoRestart", true,
                "FrontendVersion", "None"));
        TestContext ctx = new TestContext(7, settings);
        SelfStartBackend b = new SelfStartBackend(ctx, new ComfyServices(new TestJson(), new SamplerCatalog()), env);
        long firstPid;
        try {
            b.init();
            firstPid = b.process().pid();
            assertTrue(log.stream().anyMatch(l -> l.contains("To see the GUI go to")), log.toString());
            assertTrue(log.contains("Device: cpu (CUDA_VISIBLE_DEVICES=1)"), "GPU_ID reaches the process's environment: " + log);
            assertTrue(ctx.models.get("Stable-Diffusion").contains("apiary-model.safetensors"), ctx.models.toString());
            assertTrue(Files.readString(data.resolve("comfy-auto-model.yaml")).contains(ourModels.resolve("Stable-Diffusion").toString()));
            TestJob job = new TestJob(new TestRequest().set(CoreParams.MODEL, "apiary-model.safetensors").set(CoreParams.STEPS, 2L)
                    .set(CoreParams.WIDTH, 32L).set(CoreParams.HEIGHT, 32L));
            b.generate(job);
            assertEquals(1, job.outputs.size());
            assertFalse(job.previews.isEmpty(), "previews are on (--preview-method latent2rgb)");

            // A workflow that saves to ComfyUI's output folder: the fetched file is deleted there (SwarmUI does too).
            TestJob saved = new TestJob(new TestRequest().set(ComfyParams.RAW_WORKFLOW,
                    "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":16,\"height\":16,\"batch_size\":1,\"color\":${seed}}},"
                    + "\"2\":{\"class_type\":\"SaveImage\",\"inputs\":{\"images\":[\"1\",0],\"filename_prefix\":\"kept/x\"}}}")
                    .set(CoreParams.SEED, 77L));
            b.generate(saved);
            assertEquals(1, saved.outputs.size());
            Path output = sim.mainPy().getParent().resolve("output");
            try (java.util.stream.Stream<Path> files = Files.walk(output)) {
                assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing left in ComfyUI's output folder");
            }

            ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
            assertTrue(TestContext.await(() -> ctx.statuses.contains(BackendStatus.LOADING), 10_000), ctx.statuses.toString());
            assertTrue(TestContext.await(() -> ctx.status() == BackendStatus.RUNNING, 30_000), ctx.statuses.toString());
            assertNotEquals(firstPid, b.process().pid());
            TestJob again = new TestJob(job.request());
            b.generate(again);
            assertEquals(1, again.outputs.size(), "jobs succeed after the restart");
        } finally {
            b.shutdown();
        }
        long pid = b.process().pid();
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "no ComfyUI left running");
        assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aHungProcessFailsItsJobAndIsReplaced() throws Exception {
        Simulator sim = Simulator.install();
        Path data = Files.createTempDirectory("apiary-data-");
        SelfStartEnvironment env = new SelfStartEnvironment(data, subtype -> List.of(), data, Simulator.freePort() + 200, id -> line -> { });
        TestContext ctx = new TestContext(9, new HashMap<>(Map.of("StartScript", sim.mainPy().toString(), "ExtraArgs", "",
                "DisableInternalArgs", false, "EnablePreviews", "true", "GPU_ID", "", "OverQueue", 1L, "AutoRestart", true,
                "FrontendVersion", "None")));
        SelfStartBackend b = new SelfStartBackend(ctx, new ComfyServices(new TestJson(), new SamplerCatalog()), env);
        try {
            b.init();
            long hungPid = b.process().pid();
            TestJob job = new TestJob(new TestRequest().set(CoreParams.MODEL, Simulator.MODEL).set(CoreParams.STEPS, 2000L)
                    .set(CoreParams.WIDTH, 32L).set(CoreParams.HEIGHT, 32L));
            Thread freezer = new Thread(() -> {
                try {
                    TestContext.await(() -> !job.previews.isEmpty(), 20_000);
                    new ProcessBuilder("kill", "-STOP", Long.toString(hungPid)).start().waitFor();
                } catch (Exception e) {
                    Thread.currentThread().interrupt();
                }
            });
            freezer.start();
            GenerationException e = assertThrows(GenerationException.class, () -> b.generate(job));
            freezer.join();
            assertTrue(e.getMessage().startsWith("ComfyUI stopped responding"), e.getMessage());
            assertTrue(TestContext.await(() -> !ProcessHandle.of(hungPid).map(ProcessHandle::isAlive).orElse(false), 20_000),
                    "the hung process is ended");
            assertTrue(TestContext.await(() -> ctx.status() == BackendStatus.RUNNING && b.process().pid() != hungPid, 30_000),
                    ctx.statuses.toString());
        } finally {
            b.shutdown();
        }
    }

    @Test
    void aScriptThatExitsAtOnceFailsInitWithItsOutput() throws Exception {
        Path dir = Files.createTempDirectory("broken-comfy-");
        Path main = dir.resolve("main.py");
        Files.writeString(main, "import sys\nprint('CUDA is not available here')\nsys.exit(3)\n");
        TestContext ctx = new TestContext(8, Map.of("StartScript", main.toString(), "ExtraArgs", "", "DisableInternalArgs", true,
                "EnablePreviews", "false", "GPU_ID", "", "OverQueue", 0L, "AutoRestart", true, "FrontendVersion", "None"));
        SelfStartBackend b = new SelfStartBackend(ctx, new ComfyServices(new TestJson(), new SamplerCatalog()),
                new SelfStartEnvironment(dir, s -> List.of(), dir, Simulator.freePort() + 100, id -> line -> { }));
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, b::init);
            assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
            assertTrue(e.getMessage().contains("CUDA is not available here"), e.getMessage());
        } finally {
            b.shutdown();
        }
    }
}
