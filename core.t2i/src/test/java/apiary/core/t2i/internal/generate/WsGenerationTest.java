package apiary.core.t2i.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import apiary.core.api.server.ServerInfo;
import apiary.core.t2i.internal.output.OutputStoreFixture;
import apiary.core.t2i.internal.params.ModelCatalog;
import apiary.core.t2i.internal.testing.FakeChannel;
import apiary.core.t2i.internal.testing.TestSession;
import apiary.core.t2i.internal.testing.TestUser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WsGenerationTest {
    @TempDir
    Path data;

    private final GenerationExecutors executors = new GenerationExecutors();
    private final EchoScheduler scheduler = new EchoScheduler();

    @AfterEach
    void stop() {
        executors.stop();
    }

    private GenerationService service() {
        ModelCatalog catalog = ModelCatalog.of(null, null, null);
        ServerInfo info = new ServerInfo() {
            @Override public String version() { return "test"; }
            @Override public String serverId() { return "x"; }
            @Override public Path dataDir() { return data; }
            @Override public int port() { return 0; }
        };
        GenerationService s = new GenerationService(RegistryFixture.registry(catalog), OutputStoreFixture.store(data, catalog), executors, info);
        s.setScheduler(scheduler);
        return s;
    }

    private static List<String> indexes(List<Map<String, Object>> frames) {
        List<String> out = new ArrayList<>();
        frames.stream().filter(f -> f.containsKey("image")).forEach(f -> out.add((String) f.get("batch_index")));
        return out;
    }

    @Test
    void aFollowUpRequestContinuesTheBatchIndexesAndTheSocketEndsWithAStatus() throws Exception {
        FakeChannel channel = new FakeChannel();
        channel.clientSends(Map.of("images", 2, "prompt", "second", "seed", 50));
        TestSession session = new TestSession(TestUser.admin("local"));
        Object last = new WsGeneration(service(), session, channel).start(Map.of("images", 2, "batchsize", 2, "prompt", "first"))
                .get(20, TimeUnit.SECONDS);
        assertTrue(((Map<?, ?>) last).containsKey("status"), "the final frame is a status");
        assertEquals(Set.of("0", "1", "2", "3", "4", "5"), new HashSet<>(indexes(channel.frames)),
                "the second request's images continue after the first's 2 x 2");
        long discards = channel.frames.stream().filter(f -> f.containsKey("discard_indices")).count();
        assertEquals(2, discards, "one discard_indices per request");
        Map<String, Object> end = channel.frames.get(channel.frames.size() - 1);
        assertEquals(Map.of("socket_intention", "close"), end, "socket_intention close before the window");
    }

    @Test
    void aClientThatLeavesDoesNotLoseImagesAlreadyStarted() throws Exception {
        FakeChannel channel = new FakeChannel();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        scheduler.behaviour = job -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            EchoScheduler.render(job);
        };
        TestSession session = new TestSession(TestUser.admin("local"));
        var done = new WsGeneration(service(), session, channel).start(Map.of("images", 1, "prompt", "left early"));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        channel.close();
        done.get(5, TimeUnit.SECONDS);
        release.countDown();
        Path outputs = data.resolve("Output/local");
        for (int i = 0; i < 200 && !hasPng(outputs); i++) {
            Thread.sleep(25);
        }
        assertTrue(hasPng(outputs), "the image was saved although nobody was listening");
    }

    private static boolean hasPng(Path root) throws java.io.IOException {
        if (!Files.isDirectory(root)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(p -> p.toString().endsWith(".png"));
        }
    }

    @Test
    void aResumedJobRunsOnlyItsPendingTasksWithTheirRecordedSeeds() throws Exception {
        java.util.List<Long> seeds = new java.util.concurrent.CopyOnWriteArrayList<>();
        scheduler.behaviour = job -> {
            seeds.add(job.request().getOrDefault(apiary.core.api.t2i.CoreParams.SEED));
            EchoScheduler.render(job);
        };
        TestSession session = new TestSession(TestUser.admin("local"));
        GenerationService.Job job = service().resume(session, 42, Map.of("images", 3, "prompt", "again"), Map.of(1, 501L, 2, 502L));
        job.done().get(20, TimeUnit.SECONDS);
        assertEquals(Set.of(501L, 502L), new HashSet<>(seeds), "task 0 was done before the restart; 1 and 2 run with their seeds");
        assertEquals(42, job.id());
    }
}
