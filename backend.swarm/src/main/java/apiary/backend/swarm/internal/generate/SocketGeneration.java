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
 * One image task over the remote's {@code GenerateText2ImageWS}: take a socket (one the remote waits on for a
 * follow-up request of the same session, or one opened ahead, see {@link SocketSpares}), send the request, relay
 * every frame until the remote says {@code socket_intention: close} (the socket goes back to the spares for the next
 * image) or closes the socket. The remote pings while it works, so a socket that stays silent longer than the idle
 * limit means a hung remote, not a long queue. A socket that breaks or ends before the remote answered anything on
 * it is replaced by a new socket once: the remote never took that request.
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
        String session = String.valueOf(body.get("session_id"));
        RemoteSocket s = spares.take(session);
        try {
            runOn(s, session, body, relay, interrupted);
        } catch (RemoteException e) {
            if (e.kind() != RemoteException.Kind.UNREACHABLE || s.heardAnything() || interrupted.getAsBoolean()) {
                throw e;
            }
            runOn(RemoteSocket.open(http), session, body, relay, interrupted);
        }
    }

    private void runOn(RemoteSocket s, String session, Map<String, Object> body, FrameRelay relay, java.util.function.BooleanSupplier interrupted)
            throws RemoteException, GenerationException, InterruptedException {
        socket = s;
        boolean reusable = false;
        try {
            s.send(http.json().write(body)).get(http.timeout().toMillis(), TimeUnit.MILLISECONDS);
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
                    if (e.broken() || !s.heardAnything()) {
                        throw new RemoteException(RemoteException.Kind.UNREACHABLE, e.ended());
                    }
                    return;
                }
                if (e.text() != null) {
                    if (RemoteFrames.isStatus(e.text())) {
                        continue; // the task needs nothing of the remote's full status (5 per image): not parsed
                    }
                    Map<String, Object> frame = http.interpretFrame("GenerateText2ImageWS", e.text());
                    if ("close".equals(frame.get("socket_intention"))) {
                        // the remote has no work left for this socket and waits for another request on it: the next
                        // image of this session goes over it (no handshake on either side)
                        reusable = !interrupted.getAsBoolean();
                        return;
                    }
                    relay.accept(frame);
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "Cannot send the request to the remote server at "
                    + http.base(), e);
        } finally {
            if (reusable) {
                spares.giveBack(s, session);
            } else {
                s.close();
            }
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
