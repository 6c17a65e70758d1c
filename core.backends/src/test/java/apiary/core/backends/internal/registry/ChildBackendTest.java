package apiary.core.backends.internal.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.ChildBackend;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.api.backend.GenerationJob;

import org.junit.jupiter.api.Test;

/** Non-real children: their ids, reports, snapshots, and their end with the parent's life. */
class ChildBackendTest {
    private final Object lock = new Object();
    private final BackendLifecycle lifecycle = new BackendLifecycle(lock, e -> { }, key -> CompletableFuture.completedFuture(null),
            () -> 1, () -> false, () -> 60_000);
    private final BackendEntry parent = new BackendEntry(new StoredBackend(4, "remote", "R", true, Map.of(), 0));

    private EntryContext context() {
        synchronized (lock) {
            parent.epoch++;
            return new EntryContext(lock, e -> { }, parent, parent.epoch, Map.of("Address", "http://x"));
        }
    }

    private static final GeneratingBackend INSTANCE = new GeneratingBackend() {
        @Override
        public void init() {
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void generate(GenerationJob job) {
        }
    };

    @Test
    void childrenGetNegativeIdsAndReportLikeEntries() {
        EntryContext ctx = context();
        ChildBackend a = ctx.addChild("[Remote] a");
        ChildBackend b = ctx.addChild("[Remote] b");
        assertTrue(a.id() < 0 && b.id() < a.id(), a.id() + " then " + b.id());
        assertEquals(4, a.parentId());
        assertEquals("http://x", a.settings().get("Address"));
        assertEquals(BackendStatus.LOADING, a.status());
        a.setFeatures(List.of("x", "x", "y"));
        a.setMaxUsages(3);
        a.setModels(Map.of("Stable-Diffusion", List.of("m1")));
        a.setCurrentModel("m1");
        a.attach(INSTANCE);
        BackendDTO view;
        synchronized (lock) {
            ChildEntry c = parent.children.get(a.id());
            assertSame(INSTANCE, c.instance);
            view = c.toDto(BackendViews.dto(parent, null));
        }
        assertEquals(BackendStatus.RUNNING, view.status);
        assertEquals(List.of("x", "y"), view.features);
        assertEquals(3, view.maxUsages);
        assertEquals("m1", view.currentModel);
        assertEquals(List.of("m1"), view.models.get("Stable-Diffusion"));
        assertFalse(view.real);
        assertEquals(4, view.parentId);
        assertEquals("remote", view.type);
        assertThrows(IllegalArgumentException.class, () -> a.setStatus(BackendStatus.DISABLED));
        assertThrows(UnsupportedOperationException.class, () -> a.addChild("grandchild"));
    }

    @Test
    void closingRetiresTheChildOnceAndIgnoresLaterReports() {
        EntryContext ctx = context();
        ChildBackend a = ctx.addChild("a");
        a.close();
        a.close();
        a.setMaxUsages(5);
        synchronized (lock) {
            assertTrue(parent.children.isEmpty());
            assertEquals(1, parent.retiredChildren.size());
            assertEquals(1, parent.retiredChildren.get(0).maxUsages);
        }
    }

    @Test
    void aNewLifeOfTheParentEndsItsChildrenAndAStaleContextMakesInertOnes() {
        EntryContext ctx = context();
        ChildBackend a = ctx.addChild("a");
        synchronized (lock) {
            lifecycle.stopLocked(parent);
            assertTrue(parent.children.isEmpty());
            assertEquals(1, parent.retiredChildren.size());
        }
        a.attach(INSTANCE);
        ChildBackend late = ctx.addChild("late");
        late.setMaxUsages(2);
        synchronized (lock) {
            assertTrue(parent.children.isEmpty());
            assertEquals(1, parent.retiredChildren.size());
            assertEquals(BackendStatus.LOADING, parent.retiredChildren.get(0).status);
        }
        lifecycle.closeLocked();
    }
}
