package apiary.core.server.internal.dispatch;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The frames waiting to be written to one WebSocket, written one at a time in order. Adding never blocks: a frame
 * queued under a key replaces the earlier frame with that key if it has not been written yet (latest wins), and a
 * client that lets more than {@link #maxQueuedBytes} pile up is cut off instead of growing the server's memory.
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

    private final ArrayDeque<Item> pending = new ArrayDeque<>();
    private final Map<String, Item> byKey = new HashMap<>();
    private final Writer writer;
    private final long maxQueuedBytes;
    private long queuedBytes;
    private boolean writing;
    private boolean draining;
    private boolean closed;

    OutboundQueue(Writer writer, long maxQueuedBytes) {
        this.writer = writer;
        this.maxQueuedBytes = maxQueuedBytes;
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
            if (closed || (!writing && pending.isEmpty())) {
                return CompletableFuture.completedFuture(null);
            }
            pending.add(marker);
        }
        pump();
        return marker.written.handle((ok, failure) -> null);
    }

    /** Fails everything still queued; later adds return null. */
    void close(Throwable why) {
        List<Item> dropped;
        synchronized (this) {
            closed = true;
            dropped = new ArrayList<>(pending);
            pending.clear();
            byKey.clear();
            queuedBytes = 0;
        }
        dropped.forEach(i -> i.written.completeExceptionally(why));
    }

    /** Writes queued frames one at a time; a write that completes inline continues this loop instead of recursing. */
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
                if (writing || closed || pending.isEmpty()) {
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
                writing = true;
            }
            writer.write(item.payload, () -> {
                synchronized (this) {
                    writing = false;
                }
                item.written.complete(null);
                pump();
            }, failure -> {
                synchronized (this) {
                    writing = false;
                }
                item.written.completeExceptionally(failure);
                close(failure);
            });
        }
    }
}
