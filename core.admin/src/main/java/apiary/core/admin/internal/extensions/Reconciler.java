package apiary.core.admin.internal.extensions;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.admin.internal.extensions.apply.Applier;
import apiary.core.admin.internal.extensions.apply.StartFailures;
import apiary.core.admin.internal.extensions.repository.ExtensionMetadata;
import apiary.core.admin.internal.extensions.state.ExtensionState;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * After the framework started: forgets extensions whose bundles are gone, adopts extension bundles the manager
 * installed but never recorded (a crash between the two), records dependencies from the wiring, and starts again
 * what should run but does not, to learn why.
 */
final class Reconciler {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final BundleContext context;
    private final ManagedBundles bundles;
    private final StartFailures failures;

    Reconciler(BundleContext context, ManagedBundles bundles, StartFailures failures) {
        this.context = context;
        this.bundles = bundles;
        this.failures = failures;
    }

    /** @return the state matching the framework */
    ExtensionState reconcile(ExtensionState recorded) {
        ExtensionState next = recorded;
        for (Map.Entry<String, ExtensionState.Entry> e : recorded.extensions().entrySet()) {
            if (bundles.at(e.getValue().location).isEmpty()) {
                LOG.log(Level.WARNING, "Extension {0} is no longer installed in the framework; forgetting it", e.getKey());
                next = next.without(Set.of(e.getKey()));
            }
        }
        for (Bundle b : context.getBundles()) {
            if (!ManagedBundles.managed(b) || b.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            if (Applier.persistentlyStarted(b) && b.getState() != Bundle.ACTIVE && b.getState() != Bundle.STARTING) {
                failures.start(b);
            }
            String name = ManagedBundles.metadata(b).map(ExtensionMetadata::name).orElse(null);
            if (name != null && next.nameOf(b.getLocation()) == null && !next.extensions().containsKey(name)) {
                LOG.log(Level.INFO, "Adopting extension {0}, installed but not recorded", name);
                next = next.with(name, b.getLocation(), Set.of());
            }
        }
        for (Map.Entry<String, ExtensionState.Entry> e : next.extensions().entrySet()) {
            Optional<Bundle> main = bundles.at(e.getValue().location);
            if (main.isPresent()) {
                next = next.withUses(e.getKey(), new ArrayList<>(bundles.managedProviders(List.of(main.get()))));
            }
        }
        return next;
    }
}
