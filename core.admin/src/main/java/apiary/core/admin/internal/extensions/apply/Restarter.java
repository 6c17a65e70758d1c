package apiary.core.admin.internal.extensions.apply;

import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Applies updates that need a restart, after the answer has gone out: updates the bundles (the server's own ones
 * included, this bundle last), installs new ones, then either restarts the framework inside the process (the
 * launcher starts it again when the system bundle is updated) or stops it with exit code 42, which tells
 * {@code ./apiary} to rebuild and relaunch.
 */
public final class Restarter {
    /** The launcher's system property for the process exit code. */
    public static final String EXIT_CODE_PROPERTY = "apiary.launcher.exitCode";
    /** The exit code asking {@code ./apiary} to rebuild and start again. */
    public static final String RELAUNCH_EXIT_CODE = "42";
    private static final System.Logger LOG = System.getLogger(Restarter.class.getName());
    private static final long DELAY_MS = 500;

    private Restarter() {
    }

    /**
     * @param context the manager's context (only valid until this bundle itself is updated)
     * @param replacements bundles to update
     * @param additions bundles to install and start
     * @param relaunch exit with 42 instead of restarting in-process
     */
    public static void schedule(BundleContext context, Map<Bundle, Staged> replacements, List<Staged> additions,
            boolean relaunch) {
        Bundle self = context.getBundle();
        Bundle system = context.getBundle(0);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(DELAY_MS);
                for (Staged s : additions) {
                    install(context, s);
                }
                replacements.forEach((b, s) -> {
                    if (!b.equals(self)) {
                        update(b, s);
                    }
                });
                if (replacements.containsKey(self)) {
                    update(self, replacements.get(self));
                }
                if (relaunch) {
                    LOG.log(Level.INFO, "Stopping with exit code {0} to be rebuilt and relaunched", RELAUNCH_EXIT_CODE);
                    System.setProperty(EXIT_CODE_PROPERTY, RELAUNCH_EXIT_CODE);
                    system.stop();
                } else {
                    LOG.log(Level.INFO, "Restarting the framework to finish the update");
                    system.update();
                }
            } catch (BundleException | RuntimeException e) {
                LOG.log(Level.ERROR, "The update and restart failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "apiary-update-and-restart");
        // The framework restarts on a thread this one creates, which inherits the context class loader: it must not
        // be a bundle's (the HTTP thread's), whose content is closed once the bundles stop.
        t.setContextClassLoader(null);
        t.setDaemon(false);
        t.start();
    }

    private static void install(BundleContext context, Staged s) throws BundleException {
        Bundle b = context.installBundle(s.location, new ByteArrayInputStream(s.bytes));
        try {
            b.start();
        } catch (BundleException e) {
            // It resolves against the updated bundles after the restart, which starts it then.
            LOG.log(Level.DEBUG, "{0} starts after the restart: {1}", s.resource, e.getMessage());
        }
    }

    private static void update(Bundle b, Staged s) {
        try {
            b.update(new ByteArrayInputStream(s.bytes));
        } catch (BundleException e) {
            LOG.log(Level.ERROR, "Updating " + b.getSymbolicName() + " failed: " + e.getMessage(), e);
        }
    }
}
