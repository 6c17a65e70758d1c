package apiary.core.t2i.internal.webhooks;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Tells a server start from a bundle restart, and when the start is over. The launcher starts the framework at the
 * core's start level and core.server raises it to the level named by {@value #TARGET_PROPERTY} once the core
 * answers, so this bundle starts while the framework is already ACTIVE: the start is over only when that level is
 * reached (FrameworkEvent STARTLEVEL_CHANGED), not at the framework's STARTED event.
 */
final class ServerStart {
    /** Framework property set by the launcher: the start level the framework is raised to once the core answers. */
    static final String TARGET_PROPERTY = "apiary.launcher.targetStartLevel";
    /** Felix's start-level thread: a bundle activated on it is part of a level still being reached. */
    static final String START_LEVEL_THREAD = "FelixStartLevel";

    private final BundleContext context;
    private final FrameworkListener listener;
    private final int target;

    private ServerStart(BundleContext context, Runnable onStarted) {
        this.context = context;
        this.target = parseLevel(context.getProperty(TARGET_PROPERTY));
        this.listener = e -> {
            if ((e.getType() == FrameworkEvent.STARTED || e.getType() == FrameworkEvent.STARTLEVEL_CHANGED)
                    && level() >= target) {
                stop();
                onStarted.run();
            }
        };
    }

    /**
     * @param context this bundle's context
     * @param onStarted run once, on the framework's event thread, when a server start in progress is over
     * @return the watch to {@link #stop}, or null when the server had started already (a bundle restart)
     */
    static ServerStart watch(BundleContext context, Runnable onStarted) {
        ServerStart start = new ServerStart(context, onStarted);
        // Listening before looking, so a start that ends in between is not missed.
        context.addFrameworkListener(start.listener);
        if (startedAlready(context.getBundle(0).getState(), start.level(), start.target, Thread.currentThread().getName())) {
            start.stop();
            return null;
        }
        return start;
    }

    /** Stops watching (idempotent; harmless once this bundle's context is gone). */
    void stop() {
        try {
            context.removeFrameworkListener(listener);
        } catch (IllegalStateException stopped) {
            // the bundle stopped: its listeners are gone anyway
        }
    }

    /** @return whether a bundle activated in this situation is a restart in a server whose start is over */
    static boolean startedAlready(int systemState, int level, int target, String threadName) {
        return systemState == Bundle.ACTIVE && level >= target && !START_LEVEL_THREAD.equals(threadName);
    }

    static int parseLevel(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private int level() {
        FrameworkStartLevel level = context.getBundle(0).adapt(FrameworkStartLevel.class);
        return level == null ? Integer.MAX_VALUE : level.getStartLevel();
    }
}
