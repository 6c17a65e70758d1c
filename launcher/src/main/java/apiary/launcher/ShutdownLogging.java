package apiary.launcher;

import java.util.logging.LogManager;

/**
 * Keeps {@code java.util.logging} working while the JVM shuts down. The stock log manager resets itself (closes and
 * drops every handler) from its own shutdown hook, which runs at the same time as the launcher's: whatever the stop
 * logged after that ("Stopping Apiary", the bundles' deactivation, a stop that timed out) went nowhere. The process
 * ends right after the stop, so nothing is lost by leaving the handlers open; the server's log writer flushes every
 * line.
 */
public final class ShutdownLogging {
    /** The system property that chooses the JVM's log manager (read once, when logging is first used). */
    static final String PROPERTY = "java.util.logging.manager";

    private ShutdownLogging() {
    }

    /**
     * Makes the JVM use {@link Manager} unless the command line chose another; call before any logging. (This class
     * is not the manager itself: loading a {@code LogManager} subclass would set up logging before the property.)
     */
    static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, Manager.class.getName());
        }
    }

    /** @return whether the JVM is shutting down: then it refuses new shutdown hooks (the only public sign of it) */
    static boolean shuttingDown() {
        Thread probe = new Thread(() -> { }, "apiary-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
        } catch (IllegalStateException e) {
            return true;
        }
        Runtime.getRuntime().removeShutdownHook(probe);
        return false;
    }

    /** The JVM's log manager, except that it keeps its handlers when the JVM shuts down. */
    public static final class Manager extends LogManager {
        @Override
        public void reset() {
            if (!shuttingDown()) {
                super.reset();
            }
        }
    }
}
