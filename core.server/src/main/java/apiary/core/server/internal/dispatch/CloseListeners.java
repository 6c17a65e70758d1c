package apiary.core.server.internal.dispatch;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Actions to run once when something closes; an action added after the close runs at once. */
final class CloseListeners {
    private static final System.Logger LOG = System.getLogger(CloseListeners.class.getName());

    private final List<Runnable> actions = new CopyOnWriteArrayList<>();
    private volatile boolean fired;

    AutoCloseable add(Runnable action) {
        actions.add(action);
        if (fired && actions.remove(action)) {
            run(action);
        }
        return () -> actions.remove(action);
    }

    void fire() {
        fired = true;
        for (Runnable r : actions) {
            if (actions.remove(r)) {
                run(r);
            }
        }
    }

    private static void run(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "A close action failed", e);
        }
    }
}
