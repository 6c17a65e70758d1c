package apiary.backend.swarm.internal.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import apiary.backend.swarm.internal.client.RemoteHttp;

/**
 * Generation sockets ready for the next image, one remote's. Opening a WebSocket cost 13 ms at p50 on loopback (5 ms
 * of it the remote's upgrade, the rest the JDK client), more than a whole generation with the echo backend, and
 * several ms of CPU on both sides even when opened ahead (bench/scale.sh). So a socket whose request is done goes on
 * being used: after {@code socket_intention: close} the remote (SwarmUI and Apiary alike, spec A.8) takes another
 * request of the same session on it for 2 s, and the next image of that session goes over it while it has waited
 * less than {@link #REUSE_NANOS}. Otherwise a spare opened ahead is taken, and replaced by one opened in the
 * background; a spare is used only while young (the remote ends idle sockets: Apiary after 30 s idle, 60 s without
 * a first message) and not ended.
 */
public final class SocketSpares {
    /** A spare older than this is closed instead of used. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** At most this many spares are kept. */
    static final int MAX = 8;
    /** A socket done with its request is used again only this soon: half the 2 s the remote waits for one. */
    static final long REUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    private final Deque<RemoteSocket> waiting = new ArrayDeque<>();

    private final RemoteHttp http;
    private final Deque<RemoteSocket> spares = new ArrayDeque<>();
    private boolean closed;

    /** @param http the remote */
    public SocketSpares(RemoteHttp http) {
        this.http = http;
    }

    /**
     * Hands out a socket for one generation: one waiting for a follow-up request of the session, else a spare when a
     * fresh one is there (and opens a spare in its place).
     *
     * @param session the remote session of the request
     * @return the socket, perhaps still opening; {@link RemoteSocket#await()} says whether it opened
     */
    RemoteSocket take(String session) {
        RemoteSocket found = null;
        synchronized (this) {
            for (var it = waiting.iterator(); it.hasNext();) {
                RemoteSocket s = it.next();
                if (waitedTooLong(s)) {
                    it.remove();
                    s.close();
                } else if (session.equals(s.sessionId())) {
                    it.remove();
                    return s;
                }
            }
            while (!spares.isEmpty() && found == null) {
                RemoteSocket s = spares.pollFirst();
                if (s.fresh() && s.ageNanos() < MAX_AGE_NANOS) {
                    found = s;
                } else {
                    s.close();
                }
            }
            if (!closed && spares.size() < MAX) {
                spares.addLast(RemoteSocket.open(http));
            }
        }
        return found != null ? found : RemoteSocket.open(http);
    }

    /**
     * Keeps a socket whose request is done for the next image of the same session.
     *
     * @param socket the socket, after {@code socket_intention: close}
     * @param session the remote session its requests used
     */
    void giveBack(RemoteSocket socket, String session) {
        socket.reusable(session);
        synchronized (this) {
            if (!closed && waiting.size() < MAX) {
                waiting.addFirst(socket);
                return;
            }
        }
        socket.close();
    }

    /** @return whether a socket given back can no longer take the next request (ended, or too near the remote's 2 s) */
    private static boolean waitedTooLong(RemoteSocket s) {
        return s.ended() || s.idleNanos() >= REUSE_NANOS;
    }

    /** Closes the spares that have grown old or ended, and the sockets that waited too long (called now and then). */
    public void expire() {
        synchronized (this) {
            waiting.removeIf(s -> {
                boolean stale = waitedTooLong(s);
                if (stale) {
                    s.close();
                }
                return stale;
            });
            spares.removeIf(s -> {
                boolean stale = s.ageNanos() >= MAX_AGE_NANOS || !s.fresh();
                if (stale) {
                    s.close();
                }
                return stale;
            });
        }
    }

    /** Closes every spare; none is opened from now on. */
    public void close() {
        synchronized (this) {
            closed = true;
            spares.forEach(RemoteSocket::close);
            spares.clear();
            waiting.forEach(RemoteSocket::close);
            waiting.clear();
        }
    }
}
