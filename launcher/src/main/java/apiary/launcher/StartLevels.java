package apiary.launcher;

import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * The order in which the framework starts bundles, so that the server answers its first request early. Level 1
 * holds what a first answer needs: the libraries (bundles without Declarative Services components), the HTTP server
 * and the sessions bundle ({@code GetNewSession}, {@code Login}). Every other bundle with components (the API areas,
 * backend drivers, the web UI, extensions) is at level 2. The framework starts at level 1 only; core.server raises
 * it to {@value #TARGET_PROPERTY} once the core answers (its {@code HeldStartLevel}), so level 2 does not take the
 * two cores from the core's start, and holds the requests only level 2 can answer until it is up (its
 * {@code StartupHold}).
 */
final class StartLevels {
    /** Start level of what the first answer needs. */
    static final int CORE = 1;
    /** Start level of everything else: where the framework ends up. */
    static final int FEATURES = 2;
    /** Component bundles needed for the first answer. */
    private static final Set<String> CORE_COMPONENT_BUNDLES = Set.of("core.server", "core.sessions");
    /** Framework property read by core.server: the level to raise the framework to once the core answers. */
    static final String TARGET_PROPERTY = "apiary.launcher.targetStartLevel";
    /** Raises the level anyway when nothing did by then (core.server missing or broken). */
    private static final long FALLBACK_MILLIS = 30_000;

    private StartLevels() {
    }

    /** Framework properties: the beginning start level, and the level of bundles installed later (extensions). */
    static void addTo(Map<String, Object> props) {
        props.putIfAbsent(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(CORE));
        props.putIfAbsent(TARGET_PROPERTY, String.valueOf(FEATURES));
        props.putIfAbsent("felix.startlevel.bundle", String.valueOf(FEATURES));
    }

    /**
     * After {@code framework.start()}: raises the framework to level 2 if core.server has not after
     * {@value #FALLBACK_MILLIS} ms, so that a broken core does not keep the rest (the extensions among them) down.
     */
    static void fallback(Framework framework) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(FALLBACK_MILLIS);
                FrameworkStartLevel level = framework.adapt(FrameworkStartLevel.class);
                if (framework.getState() == Bundle.ACTIVE && level.getStartLevel() < FEATURES) {
                    level.setStartLevel(FEATURES);
                }
            } catch (InterruptedException | IllegalStateException e) {
                // Stopping: nothing to raise.
            }
        }, "apiary-start-level-fallback");
        t.setDaemon(true);
        t.start();
    }

    /** @return the start level for a distribution bundle */
    static int levelOf(Bundle bundle) {
        boolean components = bundle.getHeaders("").get("Service-Component") != null;
        return !components || CORE_COMPONENT_BUNDLES.contains(bundle.getSymbolicName()) ? CORE : FEATURES;
    }

    /** Gives a distribution bundle its level; a no-op when it already has it. */
    static void assign(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        int wanted = levelOf(bundle);
        if (level.getStartLevel() != wanted) {
            level.setStartLevel(wanted);
        }
    }
}
