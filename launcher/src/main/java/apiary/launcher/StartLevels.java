package apiary.launcher;

import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.startlevel.BundleStartLevel;

/**
 * The order in which the framework starts bundles, so that the server answers its first request early. Level 1
 * holds what a first answer needs: the libraries (bundles without Declarative Services components), the HTTP server
 * and the sessions bundle ({@code GetNewSession}, {@code Login}). Every other bundle with components (the API areas,
 * backend drivers, the web UI, extensions) is at level 2, started while the server already answers; core.server
 * holds the requests only they can answer until they are up (see its {@code StartupHold}).
 */
final class StartLevels {
    /** Start level of what the first answer needs. */
    static final int CORE = 1;
    /** Start level of everything else, and the framework's beginning start level. */
    static final int FEATURES = 2;
    /** Component bundles needed for the first answer. */
    private static final Set<String> CORE_COMPONENT_BUNDLES = Set.of("core.server", "core.sessions");

    private StartLevels() {
    }

    /** Framework properties: the beginning start level, and the level of bundles installed later (extensions). */
    static void addTo(Map<String, Object> props) {
        props.putIfAbsent(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(FEATURES));
        props.putIfAbsent("felix.startlevel.bundle", String.valueOf(FEATURES));
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
