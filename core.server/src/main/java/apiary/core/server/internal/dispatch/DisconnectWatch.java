package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.util.concurrent.CancellationException;

import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * Notices a client that closes its connection while its call waits for a route's {@code CompletionStage}. Jetty
 * does not read from a connection whose request is being handled, so by itself it learns of the close only when the
 * answer is written; this watch asks to be told when the connection becomes readable and then reads: end of stream
 * means the client left. A client that instead sends more bytes (a pipelined request) cannot have them handed back,
 * so the answer then closes the connection and the client retries the unanswered request, as HTTP/1.1 pipelining
 * clients must.
 */
final class DisconnectWatch implements Callback {
    private final EndPoint endPoint;
    private final Runnable onGone;
    private boolean active = true;
    private boolean sawExtraBytes;

    private DisconnectWatch(EndPoint endPoint, Runnable onGone) {
        this.endPoint = endPoint;
        this.onGone = onGone;
    }

    /**
     * @param request a request whose body has been read completely
     * @param onGone run once when the client closes its connection
     * @return the watch; {@link #stop()} it before answering
     */
    static DisconnectWatch start(Request request, Runnable onGone) {
        DisconnectWatch watch = new DisconnectWatch(request.getConnectionMetaData().getConnection().getEndPoint(), onGone);
        watch.arm();
        return watch;
    }

    private synchronized void arm() {
        if (active && !endPoint.tryFillInterested(this)) {
            // Someone else (Jetty itself) is already reading this connection; it will report the close.
            active = false;
        }
    }

    @Override
    public void succeeded() {
        synchronized (this) {
            if (!active) {
                return;
            }
        }
        int read;
        try {
            read = endPoint.fill(BufferUtil.allocate(1));
        } catch (IOException e) {
            read = -1;
        }
        if (read == 0) {
            arm();
            return;
        }
        boolean gone;
        synchronized (this) {
            gone = active && read < 0;
            sawExtraBytes |= read > 0;
            active = false;
        }
        if (gone) {
            onGone.run();
        }
    }

    @Override
    public void failed(Throwable x) {
        // Cancelled by stop(), or the connection failed: in the latter case Jetty's own failure listener reports it.
    }

    /**
     * Stops watching so that Jetty can read the connection again once the answer is written.
     *
     * @return true when the connection must close after the answer (the client sent bytes that were consumed)
     */
    synchronized boolean stop() {
        if (active && endPoint instanceof AbstractEndPoint) {
            ((AbstractEndPoint) endPoint).getFillInterest().onFail(new CancellationException("answered"));
        }
        active = false;
        return sawExtraBytes;
    }
}
