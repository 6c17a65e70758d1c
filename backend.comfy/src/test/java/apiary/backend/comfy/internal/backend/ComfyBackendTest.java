package apiary.backend.comfy.internal.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

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
import apiary.core.api.t2i.MediaInput;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The by-URL driver against a running simulator: init, generation in all its shapes, errors, interrupts, loads. */
class ComfyBackendTest {
    private static Simulator sim;
    private static final TestJson JSON = new TestJson();

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.install().start(0.05);
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    static ComfyBackend connected(TestContext ctx, SamplerCatalog samplers) throws Exception {
        ComfyBackend b = new ComfyBackend(ctx, new ComfyServices(JSON, samplers), false);
        b.init();
        return b;
    }

    private static TestContext context() {
        return new TestContext(3, Map.of("Address", sim.base() + "/", "AllowIdle", false, "OverQueue", 1L, "EnableFrontendDev", false));
    }

    private static TestRequest txt2img() {
        return new TestRequest().set(CoreParams.MODEL, Simulator.MODEL).set(CoreParams.PROMPT, "a red fox")
                .set(CoreParams.STEPS, 4L).set(CoreParams.WIDTH, 64L).set(CoreParams.HEIGHT, 48L).set(CoreParams.SEED, 42L);
    }

    @Test
    void initReportsModelsFeaturesAndSamplers() throws Exception {
        TestContext ctx = context();
        SamplerCatalog samplers = new SamplerCatalog();
        connected(ctx, samplers);
        assertTrue(ctx.features.containsAll(List.of("comfyui", "folderslash")), ctx.features.toString());
        assertFalse(ctx.features.contains("variation_seed"), "presumed features whose node is missing are dropped");
        assertEquals(List.of("sub/other.safetensors", Simulator.MODEL), ctx.models.get("Stable-Diffusion"));
        assertEquals(List.of("glow.safetensors", "ink.safetensors"), ctx.models.get("LoRA"));
        assertTrue(samplers.samplers().contains("res_multistep_ancestral_cfg_pp"), "learned from the server's KSampler");
    }

    @Test
    void txt2imgDeliversRealImagesProgressAndPreviewsAndCleansHistory() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        TestJob job = new TestJob(txt2img().set(CoreParams.BATCH_SIZE, 2L));
        b.generate(job);
        assertEquals(2, job.outputs.size());
        var img = ImageIO.read(new ByteArrayInputStream(job.outputs.get(0)));
        assertEquals(64, img.getWidth());
        assertEquals(48, img.getHeight());
        assertEquals("image/png", job.outputTypes.get(0));
        assertEquals(4, job.previews.size(), "one preview per sampler step");
        assertEquals("image/jpeg", job.previewTypes.get(0));
        assertEquals(512, ImageIO.read(new ByteArrayInputStream(job.previews.get(0))).getWidth(), "latent2rgb previews are 512 px");
        double last = 0;
        for (double[] p : job.progress) {
            assertTrue(p[0] >= last - 1e-9, "overall progress never goes back");
            last = p[0];
        }
        assertTrue(last > 0.8 && last <= 1.0, "ends near done: " + last);
        assertEquals("{}", get("/history"), "the history entry is deleted afterwards");
    }

    @Test
    void img2imgUploadsTheInitImageAndLoraChainAndVaeAreApplied() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        byte[] png = Simulator.class.getResourceAsStream("/init.png") == null ? tinyPng() : null;
        TestJob job = new TestJob(txt2img().set(CoreParams.INIT_IMAGE, new MediaInput(png, "image/png", null))
                .set(CoreParams.INIT_IMAGE_CREATIVITY, 0.5).set(CoreParams.LORAS, List.of("glow", "ink.safetensors"))
                .set(CoreParams.LORA_WEIGHTS, List.of("0.5", "1.25")).set(CoreParams.VAE, "clear.safetensors")
                .set(CoreParams.CLIP_STOP_AT_LAYER, -2L).set(ComfyParams.SAMPLER, "dpmpp_2m"));
        b.generate(job);
        assertEquals(1, job.outputs.size());
        assertEquals(32, ImageIO.read(new ByteArrayInputStream(job.outputs.get(0))).getWidth(), "img2img keeps the init size");
        assertTrue(java.nio.file.Files.exists(sim.home().resolve("input/init_image_sui_backend_3_0.png")));
        assertEquals(2, job.previews.size(), "creativity 0.5 of 4 steps runs 2");
    }

    @Test
    void rawWorkflowWithPlaceholdersRunsThroughHistoryAndView() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        String raw = "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":${width},\"height\":${height:16},\"batch_size\":1,"
                + "\"color\":${seed+1}}},\"2\":{\"class_type\":\"SaveImage\",\"inputs\":{\"images\":[\"1\",0],\"filename_prefix\":\"${prefix}\"}}}";
        TestJob job = new TestJob(txt2img().set(ComfyParams.RAW_WORKFLOW, raw).set(CoreParams.WIDTH, 24L).set(CoreParams.SEED, 254L));
        b.generate(job);
        assertEquals(1, job.outputs.size());
        var img = ImageIO.read(new ByteArrayInputStream(job.outputs.get(0)));
        assertEquals(24, img.getWidth());
        assertEquals(48, img.getHeight(), "height came from the request, not the placeholder's default");
        assertEquals(0xFF, img.getRGB(0, 0) & 0xFF, "colour = seed + 1 = 255 (blue)");
    }

    @Test
    void customWorkflowsByNameAreReadFromTheWorkflowFolder() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("ComfyUIWorkflows");
        String prompt = "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":${width},\"height\":8,\"batch_size\":1,"
                + "\"color\":0}},\"2\":{\"class_type\":\"SaveImageWebsocket\",\"inputs\":{\"images\":[\"1\",0]}}}";
        java.nio.file.Files.writeString(folder.resolve("tiny flow.json"), JSON.write(Map.of("name", "tiny flow", "prompt", prompt)));
        ComfyBackend b = new ComfyBackend(context(), new ComfyServices(JSON, new SamplerCatalog(), folder), false);
        b.init();
        TestJob job = new TestJob(txt2img().set(ComfyParams.CUSTOM_WORKFLOW, "tiny flow").set(CoreParams.WIDTH, 12L));
        b.generate(job);
        assertEquals(12, ImageIO.read(new ByteArrayInputStream(job.outputs.get(0))).getWidth());
        GenerationException unknown = assertThrows(GenerationException.class,
                () -> b.generate(new TestJob(txt2img().set(ComfyParams.CUSTOM_WORKFLOW, "../etc/passwd"))));
        assertEquals("Unknown ComfyUI custom workflow '../etc/passwd'.", unknown.getMessage());
    }

    @Test
    void validationErrorsSayWhatIsWrong() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        GenerationException e = assertThrows(GenerationException.class,
                () -> b.generate(new TestJob(txt2img().set(CoreParams.MODEL, "missing.safetensors"))));
        assertTrue(e.getMessage().startsWith("ComfyUI errored: Prompt outputs failed validation"), e.getMessage());
        assertTrue(e.getMessage().contains("ckpt_name: 'missing.safetensors' not in"), e.getMessage());
        GenerationException none = assertThrows(GenerationException.class,
                () -> b.generate(new TestJob(txt2img().set(CoreParams.MODEL, ""))));
        assertEquals("No model input given. Did your UI load properly?", none.getMessage());
    }

    @Test
    void executionErrorsCarryComfysMessage() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        String raw = "{\"1\":{\"class_type\":\"EmptyImage\",\"inputs\":{\"width\":8,\"height\":8,\"batch_size\":1,\"color\":1}},"
                + "\"2\":{\"class_type\":\"SolidMask\",\"inputs\":{\"value\":1.0,\"width\":8,\"height\":8}},"
                + "\"3\":{\"class_type\":\"JoinImageWithAlpha\",\"inputs\":{\"image\":[\"1\",0],\"alpha\":[\"2\",0]}},"
                + "\"4\":{\"class_type\":\"ImageBatch\",\"inputs\":{\"image1\":[\"1\",0],\"image2\":[\"3\",0]}},"
                + "\"5\":{\"class_type\":\"SaveImage\",\"inputs\":{\"images\":[\"4\",0],\"filename_prefix\":\"x\"}}}";
        GenerationException e = assertThrows(GenerationException.class,
                () -> b.generate(new TestJob(txt2img().set(ComfyParams.RAW_WORKFLOW, raw))));
        assertEquals("ComfyUI execution error: Sizes of tensors must match except in dimension 0. Expected size 3 but got size 4 "
                + "for tensor number 1 in the list.", e.getMessage());
    }

    @Test
    void interruptStopsOnlyThisJobQuickly() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        TestJob job = new TestJob(txt2img().set(CoreParams.STEPS, 200L));
        Thread t = new Thread(() -> {
            try {
                TestContext.await(() -> job.previews.size() >= 2, 20_000);
                job.interruptNow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        long start = System.currentTimeMillis();
        b.generate(job);
        assertTrue(System.currentTimeMillis() - start < 8000, "200 steps would take 10 s");
        assertTrue(job.outputs.isEmpty());
        assertEquals("{}", get("/history"));
        TestJob next = new TestJob(txt2img());
        b.generate(next);
        assertEquals(1, next.outputs.size(), "the server runs the next job normally");
    }

    @Test
    void interruptingARunningJobLeavesTheOneQueuedBehindItAlone() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        TestJob running = new TestJob(txt2img().set(CoreParams.STEPS, 200L).set(CoreParams.SEED, 7L));
        TestJob queued = new TestJob(txt2img().set(CoreParams.SEED, 8L));
        Thread first = new Thread(() -> generateQuietly(b, running));
        first.start();
        assertTrue(TestContext.await(() -> !running.previews.isEmpty(), 20_000));
        Thread second = new Thread(() -> generateQuietly(b, queued));
        second.start();
        assertTrue(TestContext.await(() -> pendingInComfy() > 0, 20_000), "the second job waits in ComfyUI's queue");
        running.interruptNow();
        first.join(20_000);
        second.join(20_000);
        assertTrue(running.outputs.isEmpty());
        assertEquals(1, queued.outputs.size(), "the queued job ran to the end");
    }

    private static void generateQuietly(ComfyBackend b, TestJob job) {
        try {
            b.generate(job);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void loadModelAndFreeMemory() throws Exception {
        TestContext ctx = context();
        ComfyBackend b = connected(ctx, new SamplerCatalog());
        assertTrue(b.loadModel("sub/other.safetensors", null));
        assertEquals("sub/other.safetensors", ctx.currentModel);
        assertTrue(b.freeMemory(true));
    }

    @Test
    void refusesCustomWorkflowsWithUnknownNodes() throws Exception {
        ComfyBackend b = connected(context(), new SamplerCatalog());
        String raw = "{\"1\":{\"class_type\":\"NoSuchNode\",\"inputs\":{}}}";
        assertTrue(b.refusalReason(txt2img().set(ComfyParams.RAW_WORKFLOW, raw)).orElse("").contains("NoSuchNode"));
        assertTrue(b.refusalReason(txt2img()).isEmpty());
        assertEquals(BackendStatus.LOADING, context().status());
    }

    static byte[] tinyPng() throws Exception {
        var img = new java.awt.image.BufferedImage(32, 32, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int pendingInComfy() {
        try {
            return ((java.util.List<?>) JSON.readObject(get("/queue")).get("queue_pending")).size();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sim.base() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
