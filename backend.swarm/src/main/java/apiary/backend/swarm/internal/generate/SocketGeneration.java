package apiary.backend.swarm.internal.generate;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import apiary.backend.swarm.internal.client.RemoteException;
import apiary.backend.swarm.internal.client.RemoteHttp;
import apiary.core.api.backend.GenerationException;

/**
 * One image task over the remote's {@code GenerateText2ImageWS}: take a socket (one opened ahead, see
 * {@link SocketSpares}), send the request, relay every frame until the remote says {@code socket_intention: close}
 * or closes the socket. The remote pings while it works, so a socket that stays silent longer than the idle limit
 * means a hung remote, not a long queue. A spare that turns out broken before the remote answered anything on it is
 * replaced by a new socket once: the remote never saw that request.
 */
public final class SocketGeneration {
    private static final Duration MIN_IDLE = Duration.ofSeconds(90);

    private final RemoteHttp http;
    private final SocketSpares spares;
    private volatile RemoteSocket socket;

    /**
     * @param http the remote
     * @param spares its sockets opened ahead
     */
    public SocketGeneration(RemoteHttp http, SocketSpares spares) {
        this.http = http;
        this.spares = spares;
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
        RemoteSocket s = spares.take();
        try {
            runOn(s, body, relay, interrupted);
        } catch (RemoteException e) {
            if (e.kind() != RemoteException.Kind.UNREACHABLE || s.heardAnything() || interrupted.getAsBoolean()) {
                throw e;
            }
            runOn(RemoteSocket.open(http), body, relay, interrupted);
        }
    }

    private void runOn(RemoteSocket s, Map<String, Object> body, FrameRelay relay, java.util.function.BooleanSupplier interrupted)
            throws RemoteException, GenerationException, InterruptedException {
        socket = s;
        try {
            s.await().sendText(http.json().write(body), true).get(http.timeout().toMillis(), TimeUnit.MILLISECONDS);
            Duration idle = http.timeout().multipliedBy(3).compareTo(MIN_IDLE) > 0 ? http.timeout().multipliedBy(3) : MIN_IDLE;
            long lastHeard = System.nanoTime();
            while (!interrupted.getAsBoolean()) {
                RemoteSocket.Event e = s.poll(200);
                if (e == null) {
                    if (System.nanoTime() - lastHeard > idle.toNanos()) {
                        throw new RemoteException(RemoteException.Kind.UNREACHABLE, "The remote server at " + http.base()
                                + " sent nothing for " + idle.toSeconds() + " seconds during a generation");
                    }
                    continue;
                }
                lastHeard = System.nanoTime();
                if (e.ended() != null) {
                    if (e.broken()) {
                        throw new RemoteException(RemoteException.Kind.UNREACHABLE, e.ended());
                    }
                    return;
                }
                if (e.text() != null) {
                    Map<String, Object> frame = http.interpretFrame("GenerateText2ImageWS", e.text());
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
            s.close();
        }
    }

    /** Wakes a waiting {@link #run} at once (an interrupt). */
    public void wake() {
        RemoteSocket s = socket;
        if (s != null) {
            s.wake();
        }
    }
}
