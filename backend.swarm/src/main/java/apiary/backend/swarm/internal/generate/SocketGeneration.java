package apiary.backend.swarm.internal.generate;

import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.core.api.backend.GenerationException;

/**
 * One image task over the remote's {@code GenerateText2ImageWS}: connect with the configured headers, send the
 * request, relay every frame until the remote closes the socket. The remote pings while it works, so a socket that
 * stays silent longer than the idle limit means a hung remote, not a long queue.
 */
public final class SocketGeneration {
    private static final Duration MIN_IDLE = Duration.ofSeconds(90);

    /** What the listener hands the job's thread. */
    private record Event(Map<String, Object> frame, String text, String ended, boolean broken) {
    }

    private static final Event ALIVE = new Event(null, null, null, false);

    private final RemoteHttp http;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private volatile WebSocket socket;

    /** @param http the remote */
    public SocketGeneration(RemoteHttp http) {
        this.http = http;
    }

    /**
     * Runs the task.
     *
     * @param body the request with {@code session_id}
     * @param relay where frames go
     * @param interrupted polled while waiting; when true the socket is closed and the call returns
     * @throws RemoteException when the socket cannot be opened or breaks ({@link RemoteException.Kind#UNREACHABLE}),
     *         is refused, or the first frame says the session is unknown ({@link RemoteException.Kind#INVALID_SESSION})
     * @throws GenerationException for the remote's error
     * @throws InterruptedException when the thread is interrupted
     */
    public void run(Map<String, Object> body, FrameRelay relay, java.util.function.BooleanSupplier interrupted)
            throws RemoteException, GenerationException, InterruptedException {
        open();
        try {
            socket.sendText(http.json().write(body), true).get(http.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Duration idle = http.timeout().multipliedBy(3).compareTo(MIN_IDLE) > 0 ? http.timeout().multipliedBy(3) : MIN_IDLE;
            long lastHeard = System.nanoTime();
            while (!interrupted.getAsBoolean()) {
                Event e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e == null) {
                    if (System.nanoTime() - lastHeard > idle.toNanos()) {
                        throw new RemoteException(RemoteException.Kind.UNREACHABLE, "The remote server at " + http.base()
                                + " sent nothing for " + idle.toSeconds() + " seconds during a generation");
                    }
                    continue;
                }
                lastHeard = System.nanoTime();
                if (e.ended != null) {
                    if (e.broken) {
                        throw new RemoteException(RemoteException.Kind.UNREACHABLE, e.ended);
                    }
                    return;
                }
                if (e.text != null) {
                    Map<String, Object> frame = http.interpretFrame("GenerateText2ImageWS", e.text);
                    if ("close".equals(frame.get("socket_intention"))) {
                        return; // the remote has no work left for this socket; it would only wait for another request
                    }
                    relay.accept(frame);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "Cannot send the request to the remote server at "
                    + http.base(), e);
        } finally {
            close();
        }
    }

    /** Wakes a waiting {@link #run} at once (an interrupt). */
    public void wake() {
        events.add(ALIVE);
    }

    private void open() throws RemoteException, InterruptedException {
        WebSocket.Builder b = http.client().newWebSocketBuilder().connectTimeout(http.timeout());
        http.headers().forEach(b::header);
        try {
            socket = b.buildAsync(http.socketUri("GenerateText2ImageWS"), new Listener())
                    .get(http.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
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

    private void close() {
        WebSocket s = socket;
        if (s != null) {
            if (!s.isOutputClosed()) {
                s.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(x -> null);
            }
            s.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                events.add(new Event(null, text.toString(), null, false));
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
            boolean normal = statusCode == WebSocket.NORMAL_CLOSURE;
            events.add(new Event(null, null, "The remote server at " + http.base() + " closed the generation socket ("
                    + statusCode + (reason == null || reason.isBlank() ? "" : " " + reason) + ")", !normal));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            events.add(new Event(null, null, "The connection to the remote server at " + http.base() + " was lost during a generation"
                    + (error.getMessage() == null ? "" : ": " + error.getMessage()), true));
        }
    }
}
