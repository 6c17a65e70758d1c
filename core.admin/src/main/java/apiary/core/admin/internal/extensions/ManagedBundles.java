package apiary.core.admin.internal.extensions;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import apiary.core.admin.internal.extensions.apply.Staged;
import apiary.core.admin.internal.extensions.repository.ExtensionMetadata;
import apiary.core.admin.internal.extensions.state.ExtensionState;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** Questions about the bundles in the framework: which the manager installed, which are extensions, who needs whom. */
final class ManagedBundles {
    private final BundleContext context;

    ManagedBundles(BundleContext context) {
        this.context = context;
    }

    static boolean managed(Bundle b) {
        return b.getLocation().startsWith(Staged.LOCATION_PREFIX);
    }

    static Optional<ExtensionMetadata> metadata(Bundle b) {
        BundleRevision revision = b.adapt(BundleRevision.class);
        return revision == null ? Optional.empty() : ExtensionMetadata.of(revision);
    }

    /** @return the installed bundle at a location, if any */
    Optional<Bundle> at(String location) {
        return Optional.ofNullable(context.getBundle(location)).filter(b -> b.getState() != Bundle.UNINSTALLED);
    }

    /** @return any installed bundle declaring the extension, whoever installed it */
    Optional<Bundle> extension(String name) {
        for (Bundle b : context.getBundles()) {
            if (b.getState() != Bundle.UNINSTALLED && metadata(b).map(m -> m.name().equals(name)).orElse(false)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** @return locations of every bundle the manager installed */
    Set<String> managedLocations() {
        Set<String> out = new LinkedHashSet<>();
        for (Bundle b : context.getBundles()) {
            if (managed(b) && b.getState() != Bundle.UNINSTALLED) {
                out.add(b.getLocation());
            }
        }
        return out;
    }

    /** @return for each managed bundle, the locations of the bundles wired to it */
    Map<String, Set<String>> requirers() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (Bundle b : context.getBundles()) {
            if (!managed(b)) {
                continue;
            }
            Set<String> users = new LinkedHashSet<>();
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w != null) {
                for (BundleWire wire : w.getProvidedWires(null)) {
                    users.add(wire.getRequirerWiring().getBundle().getLocation());
                }
            }
            out.put(b.getLocation(), users);
        }
        return out;
    }

    /** @return the extensions (or, for other bundles, symbolic names) wired to the bundle at a location */
    Set<String> users(String location, Map<String, Set<String>> requirers, ExtensionState state) {
        Set<String> out = new TreeSet<>();
        for (String user : requirers.getOrDefault(location, Set.of())) {
            if (!user.equals(location)) {
                String extension = state.nameOf(user);
                out.add(extension != null ? extension : at(user).map(Bundle::getSymbolicName).orElse(user));
            }
        }
        return out;
    }

    /** @return locations of the managed bundles these bundles are wired to, directly or through each other */
    Set<String> managedProviders(Collection<Bundle> roots) {
        Set<String> out = new LinkedHashSet<>();
        Deque<Bundle> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            BundleWiring w = todo.pop().adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            for (BundleWire wire : w.getRequiredWires(null)) {
                Bundle provider = wire.getProviderWiring().getBundle();
                if (managed(provider) && !roots.contains(provider) && out.add(provider.getLocation())) {
                    todo.push(provider);
                }
            }
        }
        return out;
    }
}
