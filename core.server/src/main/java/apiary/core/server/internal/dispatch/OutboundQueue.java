package apiary.core.server.internal.dispatch;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The frames waiting to be written to one WebSocket, written in order. Adding never blocks: a frame queued under a
 * key replaces the earlier frame with that key if it has not been handed to the socket yet (latest wins), and a
 * client that lets more than {@link #maxQueuedBytes} pile up is cut off instead of growing the server's memory.
 * Several frames are handed to the socket before the first is on the wire (up to {@link #DEFAULT_WINDOW_FRAMES}
 * frames and {@link #DEFAULT_WINDOW_BYTES} bytes, always at least one), so that Jetty writes a burst of queued frames
 * (a replayed job: a thousand of them) with a few gathering writes instead of one write and one wake-up per frame.
 */
final class OutboundQueue {
    /** Writes one frame and calls back when it is on the wire (or failed). */
    interface Writer {
        void write(Object payload, Runnable done, java.util.function.Consumer<Throwable> failed);

        /** Closes the socket because the client fell too far behind. */
        void overflow();
    }

    private static final class Item {
        Object payload;
        long size;
        final String key;
        final CompletableFuture<Void> written = new CompletableFuture<>();

        Item(String key, Object payload, long size) {
            this.key = key;
            this.payload = payload;
            this.size = size;
        }
    }

    /** Frames handed to the socket and not yet written, at most (Jetty gathers up to 8 per write). */
    static final int DEFAULT_WINDOW_FRAMES = 32;
    /** Bytes handed to the socket and not yet written, at most (unless one frame is larger). */
    static final long DEFAULT_WINDOW_BYTES = 1024 * 1024;

    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    private final ArrayDeque<Item> inFlight = new ArrayDeque<>();
    private final Map<String, Item> byKey = new HashMap<>();
    private final Writer writer;
    private final long maxQueuedBytes;
    private final int windowFrames;
    private final long windowBytes;
    private long queuedBytes;
    private long inFlightBytes;
    private boolean draining;
    private boolean closed;

    OutboundQueue(Writer writer, long maxQueuedBytes) {
        this(writer, maxQueuedBytes, DEFAULT_WINDOW_FRAMES, DEFAULT_WINDOW_BYTES);
    }

    /**
     * @param writer writes frames
     * @param maxQueuedBytes how many bytes may wait (not yet handed to the socket) before the client is cut off
     * @param windowFrames how many frames may be handed to the socket before the first is written
     * @param windowBytes how many bytes may be handed to the socket before they are written (at least one frame)
     */
    OutboundQueue(Writer writer, long maxQueuedBytes, int windowFrames, long windowBytes) {
        this.writer = writer;
        this.maxQueuedBytes = maxQueuedBytes;
        this.windowFrames = Math.max(1, windowFrames);
        this.windowBytes = windowBytes;
    }

    /**
     * @param key latest-wins key, or null
     * @param payload a {@code String} (text frame) or {@code ByteBuffer} (binary frame)
     * @return completes when written; {@code null} when the queue is closed or just overflowed
     */
    CompletableFuture<Void> add(String key, Object payload) {
        long size = payload == null ? 0 : payload instanceof String ? ((String) payload).length() * 2L : ((ByteBuffer) payload).remaining();
        boolean overflow = false;
        Item item;
        synchronized (this) {
            if (closed) {
                return null;
            }
            Item earlier = key == null ? null : byKey.get(key);
            if (earlier != null) {
                queuedBytes += size - earlier.size;
                earlier.payload = payload;
                earlier.size = size;
                item = earlier;
            } else {
                item = new Item(key, payload, size);
                pending.add(item);
                queuedBytes += size;
                if (key != null) {
                    byKey.put(key, item);
                }
            }
            if (queuedBytes > maxQueuedBytes) {
                overflow = true;
            }
        }
        if (overflow) {
            close(new IllegalStateException("client too slow"));
            writer.overflow();
            return null;
        }
        pump();
        return item.written;
    }

    /**
     * @return completes once every frame queued so far is written (or failed); already complete when nothing is queued
     */
    CompletableFuture<Void> drained() {
        Item marker = new Item(null, null, 0);
        synchronized (this) {
            if (closed || (inFlight.isEmpty() && pending.isEmpty())) {
                return CompletableFuture.completedFuture(null);
            }
            pending.add(marker);
        }
        pump();
        return marker.written.handle((ok, failure) -> null);
    }

    /** Fails everything still queued or in flight; later adds return null. */
    void close(Throwable why) {
        List<Item> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(inFlight);
            dropped.addAll(pending);
            inFlight.clear();
            inFlightBytes = 0;
            pending.clear();
            byKey.clear();
            queuedBytes = 0;
        }
        dropped.forEach(i -> i.written.completeExceptionally(why));
    }

    /**
     * Hands queued frames to the socket while the window has room; a write that completes inline continues this loop
     * instead of recursing. A {@link #drained()} marker completes once every frame before it is written.
     */
    private void pump() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        while (true) {
            Item item;
            synchronized (this) {
                Item next = pending.peek();
                if (closed || next == null || (next.payload == null ? !inFlight.isEmpty() : !windowHasRoom())) {
                    draining = false;
                    return;
                }
                item = pending.poll();
                if (item.key != null) {
                    byKey.remove(item.key);
                }
                queuedBytes -= item.size;
                if (item.payload == null) {
                    item.written.complete(null);
                    continue;
                }
                inFlight.add(item);
                inFlightBytes += item.size;
            }
            writer.write(item.payload, () -> written(item), failure -> {
                item.written.completeExceptionally(failure);
                close(failure);
            });
        }
    }

    /** @return whether one more frame may be handed to the socket (always, when none is in flight) */
    private boolean windowHasRoom() {
        return inFlight.isEmpty() || (inFlight.size() < windowFrames && inFlightBytes < windowBytes);
    }

    /** The socket wrote a frame (they complete in the order they were handed over). */
    private void written(Item item) {
        synchronized (this) {
            if (inFlight.remove(item)) {
                inFlightBytes -= item.size;
            }
        }
        item.written.complete(null);
        pump();
    }
}
