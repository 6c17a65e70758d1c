package apiary.core.t2i.internal.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.route.WebSocketChannel;

/** A WebSocket channel for unit tests: records offered frames, hands out queued client messages. */
public final class FakeChannel implements WebSocketChannel {
    public final List<Map<String, Object>> frames = new CopyOnWriteArrayList<>();
    public final ConcurrentLinkedQueue<Map<String, Object>> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    private final List<Runnable> onMessage = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    private boolean record(Object frame) {
        if (!open.get()) {
            return false;
        }
        frames.add((Map<String, Object>) frame);
        return true;
    }

    @Override public void send(Object frame) { record(frame); }
    @Override public Optional<Map<String, Object>> receive(Duration timeout) { return Optional.ofNullable(inbox.poll()); }
    @Override public boolean isOpen() { return open.get(); }
    @Override public boolean offer(Object frame) { return record(frame); }
    @Override public boolean offerLatest(String key, Object frame) { return record(frame); }
    @Override public boolean offerBinary(byte[] data) { return open.get(); }
    @Override public AutoCloseable onClose(Runnable action) {
        onClose.add(action);
        return () -> onClose.remove(action);
    }

    @Override public AutoCloseable onMessage(Runnable action) {
        onMessage.add(action);
        return () -> onMessage.remove(action);
    }

    /** @param message what the client sends next (the message actions run, as the server's socket does) */
    public void clientSends(Map<String, Object> message) {
        inbox.add(message);
        onMessage.forEach(Runnable::run);
    }

    /** The client goes away. */
    public void close() {
        if (open.compareAndSet(true, false)) {
            onClose.forEach(Runnable::run);
        }
    }
}
