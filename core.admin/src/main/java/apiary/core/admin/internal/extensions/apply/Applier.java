package apiary.core.admin.internal.extensions.apply;

import java.io.ByteArrayInputStream;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Changes the running framework: installs, updates and uninstalls bundles whose content was verified already,
 * with at most one resolve or refresh per operation. A bundle that then fails to start stays installed and its
 * reason is kept in {@link StartFailures}.
 */
public final class Applier {
    private static final System.Logger LOG = System.getLogger(Applier.class.getName());
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    private final StartFailures failures;

    /**
     * @param context the manager's bundle context
     * @param failures where start failures are kept
     */
    public Applier(BundleContext context, StartFailures failures) {
        this.context = context;
        this.failures = failures;
    }

    /**
     * Installs bundles, resolves them together, and starts them in the given order (dependencies first).
     *
     * @return the installed bundles, in order
     * @throws ApplyException when the framework refuses one; nothing stays installed then
     */
    public List<Bundle> install(List<Staged> staged) throws ApplyException {
        List<Bundle> installed = installAll(staged);
        wiring().resolveBundles(installed);
        for (Bundle b : installed) {
            failures.start(b);
        }
        return installed;
    }

    /**
     * Replaces bundles by newer versions and installs the new bundles they need: the replaced bundles are stopped,
     * updated and refreshed together (so their routes go away once), then started again.
     *
     * @param replacements installed bundle to its new content
     * @param additions new dependencies, in order
     * @throws ApplyException when the framework refuses a bundle; the additions are removed again then
     */
    public void update(Map<Bundle, Staged> replacements, List<Staged> additions) throws ApplyException {
        List<Bundle> wasStarted = new ArrayList<>();
        for (Bundle b : replacements.keySet()) {
            if (persistentlyStarted(b)) {
                wasStarted.add(b);
            }
            try {
                b.stop(Bundle.STOP_TRANSIENT);
            } catch (BundleException e) {
                LOG.log(Level.WARNING, "Stopping {0} before its update failed: {1}", b.getSymbolicName(), e.getMessage());
            }
        }
        List<Bundle> added;
        try {
            added = installAll(additions);
        } catch (ApplyException e) {
            wasStarted.forEach(failures::start);
            throw e;
        }
        List<Bundle> touched = new ArrayList<>(added);
        for (Map.Entry<Bundle, Staged> e : replacements.entrySet()) {
            try {
                e.getKey().update(new ByteArrayInputStream(e.getValue().bytes));
                touched.add(e.getKey());
            } catch (BundleException ex) {
                uninstallQuietly(added);
                refresh(touched);
                wasStarted.forEach(failures::start);
                throw new ApplyException("Could not update " + e.getKey().getSymbolicName() + ": " + ex.getMessage(), ex);
            }
        }
        refresh(touched);
        for (Bundle b : added) {
            failures.start(b);
        }
        for (Bundle b : wasStarted) {
            failures.start(b);
        }
    }

    /**
     * Stops and uninstalls bundles in the given order, then refreshes once so their classes are gone.
     *
     * @param bundles the bundles, dependents first
     */
    public void uninstall(List<Bundle> bundles) {
        for (Bundle b : bundles) {
            try {
                b.stop();
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Stopping {0} failed: {1}", b.getSymbolicName(), e.getMessage());
            }
        }
        uninstallQuietly(bundles);
        refresh(bundles);
    }

    private List<Bundle> installAll(List<Staged> staged) throws ApplyException {
        List<Bundle> installed = new ArrayList<>();
        for (Staged s : staged) {
            try {
                installed.add(context.installBundle(s.location, new ByteArrayInputStream(s.bytes)));
            } catch (BundleException e) {
                uninstallQuietly(installed);
                refresh(installed);
                throw new ApplyException("The framework refused " + s.resource + ": " + e.getMessage(), e);
            }
        }
        return installed;
    }

    private void uninstallQuietly(Collection<Bundle> bundles) {
        for (Bundle b : bundles) {
            try {
                if (b.getState() != Bundle.UNINSTALLED) {
                    b.uninstall();
                }
            } catch (BundleException | IllegalStateException e) {
                LOG.log(Level.WARNING, "Uninstalling {0} failed: {1}", b.getSymbolicName(), e.getMessage());
            }
            failures.forget(b);
        }
    }

    /** Refreshes the bundles (and whatever is wired to them) and waits until the framework is done. */
    private void refresh(Collection<Bundle> bundles) {
        if (bundles.isEmpty()) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(bundles, e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "The framework did not finish refreshing within {0} s", REFRESH_TIMEOUT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    /** @return whether the bundle is meant to run (its autostart setting), whatever its state now */
    public static boolean persistentlyStarted(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }
}
