package apiary.backend.swarm.internal.generate;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;

/**
 * One WebSocket to the remote's {@code GenerateText2ImageWS}, opened without waiting (so that it can be opened
 * ahead of need, see {@link SocketSpares}), and what it received, in order: text frames, pings (signs of life) and
 * its end.
 */
final class RemoteSocket {
    /** What the listener hands the job's thread: a text frame, a sign of life, or the end (broken or normal). */
    record Event(String text, String ended, boolean broken) {
    }

    static final Event ALIVE = new Event(null, null, false);

    private final RemoteHttp http;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<WebSocket> opening;
    private final long openedNanos = System.nanoTime();
    private volatile boolean ended;
    private volatile boolean heard;
    private volatile long reusableSinceNanos;
    private volatile String sessionId;

    private RemoteSocket(RemoteHttp http) {
        this.http = http;
        WebSocket.Builder b = http.client().newWebSocketBuilder().connectTimeout(http.timeout());
        http.headers().forEach(b::header);
        this.opening = b.buildAsync(http.socketUri("GenerateText2ImageWS"), new Listener());
    }

    /** @param http the remote @return a socket being opened */
    static RemoteSocket open(RemoteHttp http) {
        return new RemoteSocket(http);
    }

    /**
     * @return the open socket, once the handshake is done
     * @throws RemoteException when it cannot be opened, or the remote refused it (its answer interpreted)
     */
    WebSocket await() throws RemoteException, InterruptedException {
        try {
            return opening.get(http.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException) {
                var response = ((WebSocketHandshakeException) e.getCause()).getResponse();
                Object text = response.body();
                http.interpret("GenerateText2ImageWS", response.statusCode(), text == null ? "" : text.toString());
            }
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "Cannot open the WebSocket of the remote server at "
                    + http.base() + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        } catch (TimeoutException e) {
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "The remote server at " + http.base()
                    + " did not open a WebSocket within " + http.timeout().toSeconds() + " seconds", e);
        }
    }

    /** @return the next event, or null when none came within the time */
    Event poll(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** Wakes a thread waiting in {@link #poll}. */
    void wake() {
        events.add(ALIVE);
    }

    /** @return whether the socket is open or opening, and has neither failed, ended nor been used */
    boolean fresh() {
        return !opening.isCompletedExceptionally() && !ended && !heard;
    }

    /** @return whether any text frame arrived since the last request was sent (the remote took that request) */
    boolean heardAnything() {
        return heard;
    }

    /** @return whether the remote closed the socket or it broke */
    boolean ended() {
        return ended;
    }

    /**
     * Marks that the remote is done with the last request on this socket and now waits for another one of the same
     * session (SwarmUI: 2 s after {@code socket_intention: close}).
     *
     * @param session the remote session of the requests sent on it
     */
    void reusable(String session) {
        sessionId = session;
        reusableSinceNanos = System.nanoTime();
    }

    /** @return the session of the last request sent on it, or {@code null} when none was */
    String sessionId() {
        return sessionId;
    }

    /** @return nanoseconds since {@link #reusable} was called */
    long idleNanos() {
        return System.nanoTime() - reusableSinceNanos;
    }

    /** Sends a request, which the frames from now on answer. */
    CompletableFuture<WebSocket> send(String request) throws RemoteException, InterruptedException {
        heard = false;
        return await().sendText(request, true);
    }

    /** @return nanoseconds since it was opened */
    long ageNanos() {
        return System.nanoTime() - openedNanos;
    }

    /** Closes the socket (normally if it is open, then drops the connection); opening or not. */
    void close() {
        opening.whenComplete((s, error) -> {
            if (s != null) {
                if (!s.isOutputClosed()) {
                    s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(x -> null);
                }
                s.abort();
            }
        });
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                heard = true;
                events.add(new Event(text.toString(), null, false));
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.request(1); // SwarmUI's generation socket sends no binary frames; skip any
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            events.add(ALIVE);
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            ended = true;
            boolean normal = statusCode == WebSocket.NORMAL_CLOSURE;
            events.add(new Event(null, "The remote server at " + http.base() + " closed the generation socket ("
                    + statusCode + (reason == null || reason.isBlank() ? "" : " " + reason) + ")", !normal));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            ended = true;
            events.add(new Event(null, "The connection to the remote server at " + http.base() + " was lost during a generation"
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()), true));
        }
    }
}
