package apiary.core.t2i.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.imageio.ImageIO;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendLease;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.backend.GenerationJob;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.t2i.CoreParams;
import apiary.core.t2i.internal.output.OutputStoreFixture;
import apiary.core.t2i.internal.params.CoreParamProvider;
import apiary.core.t2i.internal.params.ModelCatalog;
import apiary.core.t2i.internal.params.T2IParamRegistryImpl;
import apiary.core.t2i.internal.testing.TestSession;
import apiary.core.t2i.internal.testing.TestUser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationRunTest {
    @TempDir
    Path data;

    private final GenerationExecutors executors = new GenerationExecutors();
    private final List<Long> seeds = new CopyOnWriteArrayList<>();
    private volatile Consumer<GenerationJob> behaviour = this::render;

    @AfterEach
    void stop() {
        executors.stop();
    }

    private static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    private void render(GenerationJob job) {
        try {
            seeds.add(job.request().getOrDefault(CoreParams.SEED));
            job.progress(0.5, 0.25);
            job.preview(png(), "image/png");
            for (long i = 0; i < job.request().getOrDefault(CoreParams.BATCH_SIZE); i++) {
                job.output(png(), "image/png");
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final GeneratingBackend backend = new GeneratingBackend() {
        @Override public void init() { }
        @Override public void shutdown() { }
        @Override public void generate(GenerationJob job) throws Exception {
            behaviour.accept(job);
        }
    };

    private final BackendScheduler scheduler = new BackendScheduler() {
        @Override
        public CompletableFuture<BackendLease> acquire(apiary.core.api.backend.BackendRequest request) {
            if (request.interrupt().isInterrupted()) {
                return CompletableFuture.failedFuture(new GenerationException("interrupted"));
            }
            return CompletableFuture.completedFuture(new BackendLease() {
                @Override public int backendId() { return 7; }
                @Override public GeneratingBackend backend() { return backend; }
                @Override public BackendDTO info() { return new BackendDTO(); }
                @Override public void close() { }
            });
        }

        @Override
        public CompletableFuture<Integer> loadModel(apiary.core.api.backend.BackendRequest request, String model) {
            return CompletableFuture.completedFuture(0);
        }
    };

    private List<RunEvent> run(TestSession session, Map<String, Object> raw, BackendScheduler s) throws Exception {
        ModelCatalog catalog = ModelCatalog.of(null, null, null);
        T2IParamRegistryImpl registry = RegistryFixture.registry(catalog);
        RunContext ctx = new RunContext(() -> s, OutputStoreFixture.store(data, catalog), x -> Map.of("status", Map.of()), executors, "test");
        List<RunEvent> events = new CopyOnWriteArrayList<>();
        GenerationRun run = new GenerationRun(1, session, registry.parse(session.user(), raw), 0, ctx, new RunEvents(events::add),
                new BatchIndexes(), new JobInterrupt(session.interruptToken()));
        run.start().get(20, TimeUnit.SECONDS);
        return events;
    }

    private static List<Map<String, Object>> of(List<RunEvent> events, RunEvent.Type type) {
        List<Map<String, Object>> out = new ArrayList<>();
        events.stream().filter(e -> e.type() == type).forEach(e -> out.add(e.body()));
        return out;
    }

    @Test
    void imagesAndBatchesGetIndexesSeedsAndFiles() throws Exception {
        TestSession session = new TestSession(TestUser.admin("local"));
        List<RunEvent> events = run(session, Map.of("images", 3, "batchsize", 2, "seed", 100, "prompt", "a cat"), scheduler);
        List<Map<String, Object>> images = of(events, RunEvent.Type.IMAGE);
        Set<String> indexes = new HashSet<>();
        images.forEach(i -> indexes.add((String) i.get("batch_index")));
        assertEquals(Set.of("0", "1", "2", "3", "4", "5"), indexes);
        assertEquals(Set.of(100L, 102L, 104L), new HashSet<>(seeds), "seed + i * batch");
        for (Map<String, Object> i : images) {
            String url = (String) i.get("image");
            assertTrue(url.startsWith("View/local/raw/"), url);
            assertTrue(Files.isRegularFile(data.resolve("Output/local").resolve(url.substring("View/local/".length()))), url);
            assertTrue(((String) i.get("metadata")).contains("\"prompt\": \"a cat\""));
            assertEquals("1", i.get("request_id"));
        }
        List<Map<String, Object>> progress = of(events, RunEvent.Type.PROGRESS);
        assertTrue(progress.stream().anyMatch(p -> ((Map<?, ?>) p.get("gen_progress")).containsKey("metadata")), "first progress has metadata");
        assertTrue(progress.stream().anyMatch(p -> String.valueOf(((Map<?, ?>) p.get("gen_progress")).get("preview")).startsWith("data:image/png;base64,")));
        assertEquals(RunEvent.Type.DISCARD, events.get(events.size() - 1).type());
        for (int i = 1; i < events.size(); i++) {
            assertEquals(events.get(i - 1).seq() + 1, events.get(i).seq(), "numbered in order");
        }
        for (StatusCounter c : StatusCounter.values()) {
            assertEquals(0, session.count(c), c + " back to zero");
        }
    }

    @Test
    void theFirstErrorStopsTheRestUnlessContinueAfterErrors() throws Exception {
        behaviour = job -> {
            throw new IllegalStateException("boom");
        };
        List<RunEvent> events = run(new TestSession(TestUser.admin("local")), Map.of("images", 4, "seed", 5), scheduler);
        assertEquals(List.of(Map.of("error", "Something went wrong while generating images.")), of(events, RunEvent.Type.ERROR),
                "one generic error, without the internal details");
        assertTrue(of(events, RunEvent.Type.IMAGE).isEmpty());
    }

    @Test
    void continueAfterErrorsKeepsTheOtherImages() throws Exception {
        behaviour = job -> {
            if (job.request().getOrDefault(CoreParams.SEED) == 6L) {
                sneaky(new GenerationException("ComfyUI execution error: out of memory"));
            }
            render(job);
        };
        List<RunEvent> events = run(new TestSession(TestUser.admin("local")),
                Map.of("images", 3, "seed", 5, "continueaftererrors", true), scheduler);
        assertEquals(2, of(events, RunEvent.Type.IMAGE).size());
        assertTrue(of(events, RunEvent.Type.ERROR).isEmpty(), "errors are not sent when continuing after them");
    }

    @Test
    void noSchedulerMeansNoBackendsAvailable() throws Exception {
        List<RunEvent> events = run(new TestSession(TestUser.admin("local")), Map.of("images", 2), null);
        assertEquals(List.of(Map.of("error", "No backends available!")), of(events, RunEvent.Type.ERROR));
    }

    @Test
    void anInterruptStopsTheRemainingImages() throws Exception {
        TestSession session = new TestSession(TestUser.admin("local"));
        java.util.concurrent.atomic.AtomicBoolean first = new java.util.concurrent.atomic.AtomicBoolean(true);
        behaviour = job -> {
            if (first.getAndSet(false)) {
                session.interrupt();
            }
            if (!job.interrupt().isInterrupted()) {
                render(job);
            }
        };
        List<RunEvent> events = run(session, Map.of("images", 5, "seed", 1), scheduler);
        assertTrue(of(events, RunEvent.Type.IMAGE).isEmpty(), "no image after the interrupt");
        assertEquals(List.of(Map.of("error", GenerationRun.INTERRUPTED)), of(events, RunEvent.Type.ERROR));
    }

    @SuppressWarnings("unchecked")
    static <E extends Throwable> void sneaky(Throwable e) throws E {
        throw (E) e;
    }
}
