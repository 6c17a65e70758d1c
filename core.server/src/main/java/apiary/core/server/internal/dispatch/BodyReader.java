package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request body of a known length without ever blocking a thread on the client: it takes what has arrived,
 * asks Jetty to call back when more does, and gives up when the whole body has not arrived by a deadline. A client
 * that sends one byte a second therefore holds a connection, never a worker thread, and not for long. The buffer
 * grows with what really arrives, not with what the client announced.
 */
final class BodyReader implements Runnable {
    /** Sees each piece of the body as it arrives. */
    interface Watcher {
        /** @return false to stop reading (the body is then refused) */
        boolean arrived(byte[] buffer, int from, int to);
    }

    private static final int FIRST_BUFFER = 16 * 1024;

    private final Request request;
    private final int length;
    private final Watcher watcher;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private byte[] buffer;
    private int filled;

    private BodyReader(Request request, int length, Watcher watcher) {
        this.request = request;
        this.length = length;
        this.watcher = watcher;
        this.buffer = new byte[Math.min(length, FIRST_BUFFER)];
    }

    /**
     * @param request the request whose {@code Content-Length} is {@code length}
     * @param length the announced body length
     * @param deadline how long the whole body may take to arrive
     * @param scheduler times the deadline
     * @param watcher sees the bytes as they arrive
     * @return the body; fails with {@link TimeoutException} when too slow, {@link CancellationException} when the
     *         watcher stopped it, or the I/O failure (client gone, body shorter than announced)
     */
    static CompletableFuture<byte[]> read(Request request, int length, Duration deadline, Scheduler scheduler, Watcher watcher) {
        BodyReader reader = new BodyReader(request, length, watcher);
        Scheduler.Task timeout = scheduler.schedule(() -> reader.result.completeExceptionally(
                new TimeoutException("request body not received within " + deadline.toSeconds() + " s")),
                deadline.toMillis(), TimeUnit.MILLISECONDS);
        reader.result.whenComplete((body, failure) -> timeout.cancel());
        reader.run();
        return reader.result;
    }

    @Override
    public void run() {
        while (!result.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                Throwable failure = chunk.getFailure();
                result.completeExceptionally(failure != null ? failure : new IOException("request body failed"));
                return;
            }
            try {
                if (!take(chunk.getByteBuffer())) {
                    return;
                }
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                if (filled == length) {
                    result.complete(buffer.length == filled ? buffer : Arrays.copyOf(buffer, filled));
                } else {
                    result.completeExceptionally(new IOException("request body shorter than its Content-Length"));
                }
                return;
            }
        }
    }

    private boolean take(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return true;
        }
        if (filled + n > length) {
            result.completeExceptionally(new IOException("request body longer than its Content-Length"));
            return false;
        }
        if (filled + n > buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(length, Math.max(filled + n, buffer.length * 2L)));
        }
        data.get(buffer, filled, n);
        int from = filled;
        filled += n;
        if (!watcher.arrived(buffer, from, filled)) {
            result.completeExceptionally(new CancellationException("refused while reading"));
            return false;
        }
        return true;
    }
}
