package apiary.core.server.internal.http;

import java.lang.System.Logger.Level;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The launcher starts the framework at the core's start level only and names the level it is meant to reach in
 * {@value #TARGET_PROPERTY}; the server raises it once the core answers. Until then the other bundles do not start,
 * so they do not take the two cores from the core's own start (the database opening, Jetty, the sessions); they come
 * up while the first answers are served. Without the property (a framework started by other means, the tests'
 * containers) the framework goes to its beginning start level by itself and nothing is held.
 */
final class HeldStartLevel {
    /** Framework property: the start level the framework is meant to reach once the core answers. */
    static final String TARGET_PROPERTY = "apiary.launcher.targetStartLevel";
    private static final System.Logger LOG = System.getLogger(HeldStartLevel.class.getName());

    private HeldStartLevel() {
    }

    /** @return the start level the framework is to reach: the target when one is set, else the beginning level */
    static int target(BundleContext context) {
        return Math.max(level(context, TARGET_PROPERTY), level(context, Constants.FRAMEWORK_BEGINNING_STARTLEVEL));
    }

    /** Lets the framework go on to the target level (asynchronous: the framework's start-level thread does it). */
    static void release(BundleContext context) {
        int target = level(context, TARGET_PROPERTY);
        try {
            FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
            if (target > framework.getStartLevel()) {
                framework.setStartLevel(target);
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Cannot raise the start level to " + target + ": " + e);
        }
    }

    private static int level(BundleContext context, String key) {
        String v = context.getProperty(key);
        try {
            return v == null ? 1 : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
