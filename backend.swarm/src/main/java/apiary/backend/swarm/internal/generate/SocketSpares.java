package apiary.backend.swarm.internal.generate;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

import apiary.backend.swarm.internal.client.RemoteHttp;

/**
 * Generation sockets opened ahead of need, one remote's. Opening a WebSocket cost 13 ms at p50 on loopback (5 ms of
 * it the remote's upgrade, the rest the JDK client), more than a whole generation with the echo backend: each image
 * forwarded over a socket of its own paid it on top (bench/scale.sh). Each socket taken is replaced by one opened in
 * the background, so a steady stream of images finds one ready; a spare is used only while young (the remote ends
 * idle sockets: Apiary after 30 s idle, 60 s without a first message) and not ended.
 */
public final class SocketSpares {
    /** A spare older than this is closed instead of used. */
    static final long MAX_AGE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** At most this many spares are kept. */
    static final int MAX = 8;

    private final RemoteHttp http;
    private final Deque<RemoteSocket> spares = new ArrayDeque<>();
    private boolean closed;

    /** @param http the remote */
    public SocketSpares(RemoteHttp http) {
        this.http = http;
    }

    /**
     * Hands out a socket for one generation, a spare when a fresh one is there, and opens a spare in its place.
     *
     * @return the socket, perhaps still opening; {@link RemoteSocket#await()} says whether it opened
     */
    RemoteSocket take() {
        RemoteSocket found = null;
        synchronized (this) {
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

    /** Closes the spares that have grown old or ended (called now and then). */
    public void expire() {
        synchronized (this) {
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
        }
    }
}
