package apiary.itest.backends;

import static apiary.itest.backends.BackendFixture.assertBackendStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendStatusReport;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * GetCurrentStatus's {@code backend_status} and {@code supported_features} following real backends of the echo
 * test type through every summary status, as they start, fail, idle and get disabled or removed.
 */
public class BackendStatusIT extends ApiaryTestSupport {
    @Inject
    private BackendRegistry registry;

    private BackendFixture backends;
    private Path work;

    @Before
    public void setUp() throws Exception {
        backends = new BackendFixture(() -> registry);
        work = Files.createTempDirectory("backend-status");
    }

    @After
    public void tearDown() {
        backends.removeAll();
    }

    @Test
    public void withoutBackendsTheStatusIsEmpty() {
        Api api = api();
        assertEquals(List.of(), registry.backends());
        Map<String, Object> r = BackendFixture.currentStatus(api, api.newSession());
        assertEquals(Map.of("status", "empty", "class", "error", "message", BackendStatusReport.EMPTY_MESSAGE,
                "any_loading", false), r.get("backend_status"));
        assertEquals(List.of(), r.get("supported_features"));
    }

    @Test
    public void statusAndFeaturesFollowTheBackends() throws Exception {
        Api api = api();
        String s = api.newSession();
        try (EchoBundle echo = EchoBundle.install(context)) {
            Path gateA = Files.createFile(work.resolve("gate-a"));
            BackendDTO a = backends.addEcho("A", Map.of("Features", "comfyui,refiners", "GateFile", gateA.toString()));
            backends.await(a.id, BackendStatus.LOADING);
            assertBackendStatus(api, s, "loading", "soft", true, List.of());

            Files.delete(gateA);
            backends.await(a.id, BackendStatus.RUNNING);
            assertBackendStatus(api, s, "running", "", false, List.of("comfyui", "refiners"));

            Path gateB = Files.createFile(work.resolve("gate-b"));
            BackendDTO b = backends.addEcho("B", Map.of("Features", "video,comfyui", "GateFile", gateB.toString()));
            backends.await(b.id, BackendStatus.LOADING);
            assertBackendStatus(api, s, "some_loading", "warn", true, List.of("comfyui", "refiners"));
            Files.delete(gateB);
            backends.await(b.id, BackendStatus.RUNNING);
            assertBackendStatus(api, s, "running", "", false, List.of("comfyui", "refiners", "video"));

            BackendDTO c = backends.addEcho("C", Map.of("Mode", "idle", "Features", "idle_only"));
            backends.await(c.id, BackendStatus.IDLE);
            assertBackendStatus(api, s, "running", "", false, List.of("comfyui", "refiners", "video"));

            BackendDTO d = backends.addEcho("D", Map.of("Mode", "fail"));
            BackendDTO failed = backends.await(d.id, BackendStatus.ERRORED);
            assertTrue(failed.statusMessage, failed.statusMessage.startsWith("Failed to initialize after 4 attempts: "));
            assertBackendStatus(api, s, "errored", "error", false, List.of("comfyui", "refiners", "video"));
            registry.remove(d.id);

            assertTrue(registry.setEnabled(a.id, false));
            assertTrue(registry.setEnabled(b.id, false));
            backends.await(a.id, BackendStatus.DISABLED);
            backends.await(b.id, BackendStatus.DISABLED);
            assertBackendStatus(api, s, "disabled", "warn", false, List.of());

            registry.remove(a.id);
            registry.remove(b.id);
            assertBackendStatus(api, s, "idle", "warn", false, List.of());

            registry.setEnabled(c.id, false);
            assertBackendStatus(api, s, "all_disabled", "error", false, List.of());
            registry.remove(c.id);
            assertBackendStatus(api, s, "empty", "error", false, List.of());
        }
    }

    @Test
    public void failedInitsAreRetried() throws Exception {
        try (EchoBundle echo = EchoBundle.install(context)) {
            BackendDTO b = backends.addEcho("flaky", Map.of("FailTimes", 2, "Features", "x"));
            BackendDTO running = backends.await(b.id, BackendStatus.RUNNING);
            assertEquals(null, running.statusMessage);
            assertEquals(List.of("x"), running.features);
        }
    }
}
