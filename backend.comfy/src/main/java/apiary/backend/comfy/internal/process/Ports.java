package apiary.backend.comfy.internal.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out ports for self-started servers, counting up from the starting port + 1 (SwarmUI's
 * {@code BackendStartingPort}): the first one nothing listens on and no other backend of this bundle holds.
 */
public final class Ports {
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    private Ports() {
    }

    /**
     * @param startingPort the base; the first candidate is one above it
     * @return a free port, now held until {@link #release}
     */
    public static int take(int startingPort) {
        for (int p = startingPort + 1; p < 65535; p++) {
            if (!TAKEN.contains(p) && free(p) && TAKEN.add(p)) {
                return p;
            }
        }
        throw new IllegalStateException("No free port above " + startingPort);
    }

    /** @param port a port from {@link #take} */
    public static void release(int port) {
        TAKEN.remove(port);
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
