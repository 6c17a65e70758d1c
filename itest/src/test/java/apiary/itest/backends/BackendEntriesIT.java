package apiary.itest.backends;

import static apiary.itest.backends.BackendFixture.assertBackendStatus;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.settings.SettingsTree;
import apiary.itest.Api;
import apiary.itest.ApiaryTestSupport;
import apiary.itest.EchoBundle;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Backend entries as data: kept while their type is missing and started when it arrives, shut down when it leaves,
 * persisted across a restart of the registry, edited, toggled and removed.
 */
public class BackendEntriesIT extends ApiaryTestSupport {
    private ServiceTracker<BackendRegistry, BackendRegistry> tracker;
    private BackendFixture backends;
    private Path work;

    @Before
    public void setUp() throws Exception {
        tracker = new ServiceTracker<>(context, BackendRegistry.class, null);
        tracker.open();
        backends = new BackendFixture(this::registry);
        work = Files.createTempDirectory("backend-entries");
    }

    @After
    public void tearDown() {
        backends.removeAll();
        tracker.close();
    }

    private BackendRegistry registry() {
        try {
            BackendRegistry r = tracker.waitForService(10_000);
            assertNotNull("no BackendRegistry service", r);
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    public void anEntryWaitsForItsTypeAndStopsWhenTheTypeLeaves() throws Exception {
        Api api = api();
        String s = api.newSession();
        Path shutdowns = work.resolve("shutdowns.log");
        BackendDTO b = backends.addEcho("late", Map.of("Features", "late_feature", "ShutdownLog", shutdowns.toString(),
                "Token", "s3cret"));
        BackendDTO waiting = backends.await(b.id, BackendStatus.ERRORED);
        assertFalse(waiting.typeAvailable);
        assertTrue(waiting.statusMessage, waiting.statusMessage.contains("'itest_echo_backend' is not installed"));
        assertEquals("without its type every value is masked", SettingsTree.SECRET_MASK, waiting.settings.get("Features"));
        assertBackendStatus(api, s, "errored", "error", false, List.of());

        try (EchoBundle echo = EchoBundle.install(context)) {
            BackendDTO alive = backends.await(b.id, BackendStatus.RUNNING);
            assertTrue(alive.typeAvailable);
            assertEquals("late_feature", alive.settings.get("Features"));
            assertEquals("run", alive.settings.get("Mode"));
            assertEquals(SettingsTree.SECRET_MASK, alive.settings.get("Token"));
            assertEquals(Map.of("MaxUsages", 1L), alive.settings.get("Limits"));
            assertBackendStatus(api, s, "running", "", false, List.of("late_feature"));
            assertTrue(registry().types().stream().anyMatch(t -> t.id().equals(BackendFixture.ECHO_TYPE)));
        }
        BackendDTO orphaned = backends.await(b.id, BackendStatus.ERRORED);
        assertFalse(orphaned.typeAvailable);
        assertEquals("the instance was shut down when its type left", "stopped " + b.id + "\n", Files.readString(shutdowns));
        assertEquals(List.of(), orphaned.features);
    }

    @Test
    public void entriesSurviveARestartOfTheRegistry() throws Exception {
        try (EchoBundle echo = EchoBundle.install(context)) {
            BackendDTO first = backends.addEcho("First", Map.of("Token", "s3cret", "Limits", Map.of("MaxUsages", 3)));
            BackendDTO second = backends.addEcho("Second", Map.of("Features", "a,b"));
            registry().setEnabled(second.id, false);
            registry().edit(first.id, -1, "Renamed", Map.of("Features", "edited"));
            backends.await(first.id, BackendStatus.RUNNING);
            List<BackendDTO> before = registry().backends();

            Bundle core = bundle("core.backends");
            core.stop();
            core.start();

            BackendDTO renamed = backends.await(first.id, BackendStatus.RUNNING);
            assertEquals("Renamed", renamed.title);
            assertEquals(1, renamed.modcount);
            assertEquals(3, renamed.maxUsages);
            assertEquals(List.of("edited"), renamed.features);
            assertEquals(BackendStatus.DISABLED, backends.await(second.id, BackendStatus.DISABLED).status);
            List<BackendDTO> after = registry().backends();
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                assertEquals(before.get(i).id, after.get(i).id);
                assertEquals(before.get(i).type, after.get(i).type);
                assertEquals(before.get(i).title, after.get(i).title);
                assertEquals(before.get(i).enabled, after.get(i).enabled);
                assertEquals(before.get(i).modcount, after.get(i).modcount);
                assertEquals(before.get(i).settings, after.get(i).settings);
            }
            BackendDTO third = backends.addEcho("Third", Map.of());
            assertTrue("ids are not reused", third.id > second.id);
        }
    }

    @Test
    public void editToggleAndRemove() throws Exception {
        Path shutdowns = work.resolve("shutdowns.log");
        try (EchoBundle echo = EchoBundle.install(context)) {
            BackendDTO a = backends.addEcho("a", Map.of("ShutdownLog", shutdowns.toString()));
            BackendDTO b = backends.addEcho("b", Map.of());
            backends.await(a.id, BackendStatus.RUNNING);

            assertRefused("Backend ID " + b.id + " is already in use.", () -> registry().edit(a.id, b.id, null, Map.of()));
            assertRefused("Invalid backend ID 99999", () -> registry().edit(99999, -1, null, Map.of()));
            assertRefused("Invalid backend ID 99999", () -> registry().setEnabled(99999, true));
            assertRefused("A backend type is required.", () -> registry().add(" ", "", Map.of()));
            assertRefused("Backend title is too long (at most 10000 characters).",
                    () -> registry().add(BackendFixture.ECHO_TYPE, "x".repeat(10_001), Map.of()));
            try {
                registry().edit(a.id, -1, null, Map.of("Limits", Map.of("MaxUsages", "lots")));
                fail("a value that does not fit must be refused");
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("maxusages"));
            }
            assertEquals("a refused edit changes nothing", 0, registry().backend(a.id).orElseThrow().modcount);

            int moved = b.id + 1000;
            BackendDTO edited = registry().edit(a.id, moved, "moved", Map.of("mode", "idle"));
            backends.track(moved);
            assertEquals(moved, edited.id);
            assertEquals("idle", edited.settings.get("Mode"));
            assertFalse(registry().backend(a.id).isPresent());
            backends.await(moved, BackendStatus.IDLE);
            assertEquals("the old instance was shut down by the edit", "stopped " + a.id + "\n", Files.readString(shutdowns));

            assertFalse(registry().setEnabled(moved, true));
            assertTrue(registry().setEnabled(moved, false));
            backends.await(moved, BackendStatus.DISABLED);
            assertTrue(registry().setEnabled(moved, true));
            backends.await(moved, BackendStatus.IDLE);
            assertTrue(registry().restart(moved));
            backends.await(moved, BackendStatus.IDLE);

            assertTrue(registry().remove(moved));
            assertFalse(registry().remove(moved));
            assertTrue(Files.readString(shutdowns).endsWith("stopped " + moved + "\n"));
        }
    }

    private static void assertRefused(String message, Runnable call) {
        try {
            call.run();
            fail("expected: " + message);
        } catch (IllegalArgumentException e) {
            assertEquals(message, e.getMessage());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }
}
