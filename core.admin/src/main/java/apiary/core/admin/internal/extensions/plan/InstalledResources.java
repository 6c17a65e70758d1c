package apiary.core.admin.internal.extensions.plan;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

/**
 * What the running framework offers the resolver: the wiring of every resolved bundle, and the identities
 * ({@code symbolicName@version}) of every installed bundle so the index's copies of them are not installed twice.
 */
public final class InstalledResources {
    private final Map<Resource, Wiring> wirings;
    private final Set<String> identities;

    /**
     * @param wirings resolved resources and their wirings
     * @param identities {@code symbolicName@version} of every installed bundle, resolved or not
     */
    public InstalledResources(Map<Resource, Wiring> wirings, Set<String> identities) {
        this.wirings = Collections.unmodifiableMap(new LinkedHashMap<>(wirings));
        this.identities = Set.copyOf(identities);
    }

    /** @return the current state of the framework */
    public static InstalledResources of(BundleContext context) {
        Map<Resource, Wiring> wirings = new LinkedHashMap<>();
        Set<String> identities = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.UNINSTALLED || b.getSymbolicName() == null) {
                continue;
            }
            identities.add(identity(b.getSymbolicName(), b.getVersion().toString()));
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w != null && w.isCurrent()) {
                wirings.put(w.getRevision(), w);
            }
        }
        return new InstalledResources(wirings, identities);
    }

    static String identity(String symbolicName, String version) {
        return symbolicName + "@" + version;
    }

    Map<Resource, Wiring> wirings() {
        return wirings;
    }

    boolean installed(String symbolicName, String version) {
        return identities.contains(identity(symbolicName, version));
    }
}
