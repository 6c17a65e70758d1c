package apiary.core.server.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Close actions run exactly once, including ones added after the close, and can be removed before it. */
class CloseListenersTest {
    @Test
    void runsEachActionOnce() throws Exception {
        CloseListeners l = new CloseListeners();
        AtomicInteger runs = new AtomicInteger();
        l.add(runs::incrementAndGet);
        AutoCloseable removed = l.add(() -> runs.addAndGet(100));
        removed.close();
        l.fire();
        l.fire();
        assertEquals(1, runs.get());
        l.add(runs::incrementAndGet);
        assertEquals(2, runs.get());
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        CloseListeners l = new CloseListeners();
        AtomicInteger runs = new AtomicInteger();
        l.add(() -> {
            throw new IllegalStateException("boom");
        });
        l.add(runs::incrementAndGet);
        l.fire();
        assertEquals(1, runs.get());
    }
}
