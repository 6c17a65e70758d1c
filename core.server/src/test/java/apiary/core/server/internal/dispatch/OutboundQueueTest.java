package apiary.core.server.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The bounded outgoing frame queue of a WebSocket, driven by a writer that completes writes when the test says. */
class OutboundQueueTest {
    /** Records writes; each stays pending until {@link #complete} or {@link #fail}. */
    private static final class SlowWriter implements OutboundQueue.Writer {
        final List<Object> written = new ArrayList<>();
        final List<Runnable> pendingDone = new ArrayList<>();
        final List<Consumer<Throwable>> pendingFailed = new ArrayList<>();
        int overflows;

        @Override
        public void write(Object payload, Runnable done, Consumer<Throwable> failed) {
            written.add(payload);
            pendingDone.add(done);
            pendingFailed.add(failed);
        }

        @Override
        public void overflow() {
            overflows++;
        }

        void complete() {
            pendingFailed.remove(0);
            pendingDone.remove(0).run();
        }

        void fail(Throwable t) {
            pendingDone.remove(0);
            pendingFailed.remove(0).accept(t);
        }
    }

    @Test
    void withAWindowOfOneWritesOneFrameAtATimeInOrder() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 1000, 1, 1000);
        CompletableFuture<Void> a = q.add(null, "a");
        CompletableFuture<Void> b = q.add(null, "b");
        assertEquals(List.of("a"), w.written);
        w.complete();
        assertTrue(a.isDone());
        assertFalse(b.isDone());
        assertEquals(List.of("a", "b"), w.written);
        w.complete();
        assertTrue(b.isDone());
    }

    @Test
    void handsFramesToTheSocketUpToTheWindowInOrder() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 10_000, 3, 10_000);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(q.add(null, "f" + i));
        }
        // Three frames are with the socket before any is written; the rest wait for room.
        assertEquals(List.of("f0", "f1", "f2"), w.written);
        w.complete();
        assertTrue(sent.get(0).isDone());
        assertFalse(sent.get(1).isDone());
        assertEquals(List.of("f0", "f1", "f2", "f3"), w.written);
        while (!w.pendingDone.isEmpty()) {
            w.complete();
        }
        assertEquals(List.of("f0", "f1", "f2", "f3", "f4"), w.written);
        assertTrue(sent.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void theByteWindowHoldsBackFramesButAlwaysLetsOneThrough() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 10_000, 10, 100);
        q.add(null, ByteBuffer.allocate(500));
        q.add(null, ByteBuffer.allocate(10));
        // The first frame alone is larger than the window: it goes; the next waits until it is written.
        assertEquals(1, w.written.size());
        w.complete();
        assertEquals(2, w.written.size());
    }

    @Test
    void latestWinsReplacesAnUnwrittenFrameInPlace() {
        SlowWriter w = new SlowWriter();
        // A window of one: the socket is busy with the first frame, so the rest wait where latest-wins applies.
        OutboundQueue q = new OutboundQueue(w, 1000, 1, 1000);
        q.add(null, "first");
        CompletableFuture<Void> p1 = q.add("preview", "p1");
        q.add(null, "middle");
        CompletableFuture<Void> p2 = q.add("preview", "p2");
        q.add("preview", "p3");
        while (!w.pendingDone.isEmpty()) {
            w.complete();
        }
        // Only the latest preview is written, at the place of the first one; its earlier offers complete with it.
        assertEquals(List.of("first", "p3", "middle"), w.written);
        assertTrue(p1.isDone() && p2.isDone());
        // Once written, the key starts afresh.
        q.add("preview", "p4");
        assertEquals("p4", w.written.get(3));
    }

    @Test
    void aClientTooFarBehindIsCutOffAndLaterAddsFail() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 100, 1, 100);
        CompletableFuture<Void> first = q.add(null, ByteBuffer.allocate(60));
        CompletableFuture<Void> queued = q.add(null, ByteBuffer.allocate(60));
        assertNotNull(queued);
        // 60 bytes are in flight (not counted), 60 queued: the next 60 exceed the bound of 100.
        assertNull(q.add(null, ByteBuffer.allocate(60)));
        assertEquals(1, w.overflows);
        assertTrue(queued.isCompletedExceptionally());
        assertNull(q.add(null, "later"));
        // The socket is cut off, so the frame it held is not written either.
        assertTrue(first.isCompletedExceptionally());
    }

    @Test
    void latestWinsReplacementsDoNotCountTwice() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 100, 1, 100);
        q.add(null, ByteBuffer.allocate(10));
        for (int i = 0; i < 1000; i++) {
            assertNotNull(q.add("preview", ByteBuffer.allocate(80)));
        }
        assertEquals(0, w.overflows);
    }

    @Test
    void drainedWaitsForEverythingQueuedSoFar() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 1000);
        assertTrue(q.drained().isDone());
        q.add(null, "a");
        q.add(null, "b");
        CompletableFuture<Void> drained = q.drained();
        // Both frames are with the socket; the marker waits until both are written, and holds back what follows.
        q.add(null, "c");
        assertEquals(List.of("a", "b"), w.written);
        w.complete();
        assertFalse(drained.isDone());
        w.complete();
        assertTrue(drained.isDone());
        assertEquals(List.of("a", "b", "c"), w.written);
    }

    @Test
    void aFailedWriteClosesTheQueue() {
        SlowWriter w = new SlowWriter();
        OutboundQueue q = new OutboundQueue(w, 1000, 2, 1000);
        CompletableFuture<Void> a = q.add(null, "a");
        CompletableFuture<Void> b = q.add(null, "b");
        CompletableFuture<Void> c = q.add(null, "c");
        CompletableFuture<Void> drained = q.drained();
        w.fail(new IOException("gone"));
        // The frame in flight behind the failed one and the queued one fail with it.
        assertTrue(a.isCompletedExceptionally());
        assertTrue(b.isCompletedExceptionally());
        assertTrue(c.isCompletedExceptionally());
        assertTrue(drained.isDone());
        assertNull(q.add(null, "d"));
        assertEquals(List.of("a", "b"), w.written);
    }

    @Test
    void writesThatCompleteInlineDoNotRecurse() {
        List<Object> written = new ArrayList<>();
        OutboundQueue q = new OutboundQueue(new OutboundQueue.Writer() {
            @Override
            public void write(Object payload, Runnable done, Consumer<Throwable> failed) {
                written.add(payload);
                done.run();
            }

            @Override
            public void overflow() {
            }
        }, Long.MAX_VALUE);
        for (int i = 0; i < 100_000; i++) {
            q.add(null, "x");
        }
        assertEquals(100_000, written.size());
        assertTrue(q.drained().isDone());
    }
}
