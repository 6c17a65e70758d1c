package apiary.core.admin.internal.extensions;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import apiary.core.admin.internal.extensions.apply.Applier;
import apiary.core.admin.internal.extensions.apply.ApplyException;
import apiary.core.admin.internal.extensions.apply.Staged;
import apiary.core.admin.internal.extensions.apply.StartFailures;
import apiary.core.admin.internal.extensions.plan.InstalledResources;
import apiary.core.admin.internal.extensions.plan.PlanException;
import apiary.core.admin.internal.extensions.plan.Planner;
import apiary.core.admin.internal.extensions.plan.RemovalPlanner;
import apiary.core.admin.internal.extensions.repository.IndexResource;
import apiary.core.admin.internal.extensions.repository.RepositorySettings;
import apiary.core.admin.internal.extensions.repository.RepositorySnapshot;
import apiary.core.admin.internal.extensions.repository.RepositorySources;
import apiary.core.admin.internal.extensions.state.ExtensionState;
import apiary.core.admin.internal.extensions.state.StateStore;
import apiary.core.api.route.ApiError;
import apiary.core.api.server.ServerInfo;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/**
 * Installs, updates and uninstalls extensions in the running framework: repository sources say what exists, the
 * planner resolves, downloads are verified, the applier changes the framework, and the state remembers what an
 * admin asked for. One operation runs at a time; everything else the server does goes on meanwhile.
 */
@Component(service = ExtensionManager.class)
public final class ExtensionManager {
    private static final System.Logger LOG = System.getLogger(ExtensionManager.class.getName());

    final BundleContext context;
    final ManagedBundles bundles;
    final Planner planner = new Planner();
    final ExtensionReport report;
    private final RepositorySettings settings;
    private final RepositorySources sources = new RepositorySources();
    private final StartFailures failures = new StartFailures();
    private final Applier applier;
    private final StateStore store;
    private final FrameworkListener startupListener = this::frameworkEvent;
    private final ServerUpdates updates = new ServerUpdates(this);
    private ExtensionState state;
    private boolean restarting;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServiceComponentRuntime scr;

    /**
     * @param context this bundle's context
     * @param settings where the repository index URLs come from
     */
    @Activate
    public ExtensionManager(BundleContext context, @Reference RepositorySettings settings) {
        this.context = context;
        this.settings = settings;
        this.bundles = new ManagedBundles(context);
        this.applier = new Applier(context, failures);
        this.report = new ExtensionReport(context, bundles, failures, () -> scr);
        String dataDir = context.getProperty(ServerInfo.DATA_DIR_PROPERTY);
        this.store = new StateStore(Path.of(dataDir == null ? "Data" : dataDir).toAbsolutePath());
        this.state = store.load();
        context.addFrameworkListener(startupListener);
        if (context.getBundle(0).getState() == Bundle.ACTIVE) {
            CompletableFuture.runAsync(this::reconcile);
        }
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(startupListener);
    }

    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.STARTED) {
            CompletableFuture.runAsync(this::reconcile);
        }
    }

    /** @return what the configured repository indexes list now */
    RepositorySnapshot repositories() {
        return sources.snapshot(settings.urls());
    }

    synchronized ExtensionState state() {
        return state;
    }

    /**
     * Installs the newest version of an extension and whatever it needs.
     *
     * @throws ApiError SwarmUI's texts for unknown or installed extensions, or why it could not be installed
     */
    public synchronized void install(String name) {
        RepositorySnapshot repos = repositories();
        IndexResource wanted = repos.newestExtension(name)
                .orElseThrow(() -> new ApiError("Unknown extension." + repos.errorNote()));
        if (bundles.extension(name).isPresent()) {
            throw new ApiError("Extension already installed.");
        }
        List<Staged> staged = stage(subject(name), "installed", repos, List.of(wanted), Set.of());
        List<Bundle> installed;
        try {
            installed = applier.install(staged);
        } catch (ApplyException e) {
            throw new ApiError(subject(name) + " was not installed: " + e.getMessage());
        }
        String mainLocation = Staged.locationOf(wanted);
        Bundle main = installed.stream().filter(b -> b.getLocation().equals(mainLocation)).findFirst().orElseThrow();
        Set<String> uses = new LinkedHashSet<>();
        installed.forEach(b -> uses.add(b.getLocation()));
        uses.addAll(bundles.managedProviders(installed));
        uses.remove(main.getLocation());
        save(state.with(name, main.getLocation(), uses));
        LOG.log(Level.INFO, "Installed extension {0} {1} ({2} bundles)", name, wanted.version(), installed.size());
        failIfBroken(name, "installed");
    }

    /**
     * Updates an extension to the newest version in the indexes.
     *
     * @return whether there was a newer version
     * @throws ApiError when the extension is unknown or the update cannot be done
     */
    public synchronized boolean update(String name) {
        Bundle main = requested(name);
        RepositorySnapshot repos = repositories();
        Optional<IndexResource> newer = repos.newestExtension(name).filter(r -> r.version().compareTo(main.getVersion()) > 0);
        if (newer.isEmpty()) {
            return false;
        }
        if (!newer.get().symbolicName().equals(main.getSymbolicName())) {
            throw new ApiError(subject(name) + " is now published as the bundle " + newer.get().symbolicName()
                    + "; uninstall it and install it again.");
        }
        List<Staged> staged = stage(subject(name), "updated", repos, List.of(newer.get()),
                Set.of(main.adapt(BundleRevision.class)));
        Map<Bundle, Staged> replacement = new LinkedHashMap<>();
        List<Staged> additions = new ArrayList<>();
        for (Staged s : staged) {
            if (s.resource == newer.get()) {
                replacement.put(main, s);
            } else {
                additions.add(s);
            }
        }
        try {
            applier.update(replacement, additions);
        } catch (ApplyException e) {
            throw new ApiError(subject(name) + " was not updated: " + e.getMessage());
        }
        List<String> more = new ArrayList<>();
        additions.forEach(s -> more.add(s.location));
        more.addAll(bundles.managedProviders(List.of(main)));
        save(state.withUses(name, more));
        LOG.log(Level.INFO, "Updated extension {0} to {1}", name, newer.get().version());
        failIfBroken(name, "updated");
        return true;
    }

    /**
     * Uninstalls an extension and the dependencies nothing else needs.
     *
     * @throws ApiError when the extension is not one an admin installed
     */
    public synchronized void uninstall(String name) {
        ExtensionState.Entry entry = state.extensions().get(name);
        if (entry == null) {
            throw notRequested(name);
        }
        if (restarting) {
            throw new ApiError("The server is restarting to finish an update; try again in a moment.");
        }
        ExtensionState next = state.without(Set.of(name));
        Map<String, Set<String>> requirers = bundles.requirers();
        Set<String> users = bundles.users(entry.location, requirers, state);
        if (!users.isEmpty()) {
            throw new ApiError(subject(name) + " cannot be uninstalled: " + String.join(", ", users)
                    + " need" + (users.size() == 1 ? "s" : "") + " it. Uninstall that first.");
        }
        Set<String> locations = RemovalPlanner.removalSet(Set.of(entry.location), bundles.managedLocations(),
                next.neededLocations(), requirers);
        List<Bundle> doomed = new ArrayList<>();
        locations.forEach(l -> bundles.at(l).ifPresent(doomed::add));
        applier.uninstall(doomed);
        save(next);
        LOG.log(Level.INFO, "Uninstalled extension {0} ({1} bundles)", name, doomed.size());
    }

    /** @return ListExtensions' answer */
    public synchronized Map<String, Object> list() {
        return report.list(state, repositories());
    }

    /** @return CheckForUpdates' answer */
    public synchronized Map<String, Object> checkForUpdates() {
        return updates.check();
    }

    /** @return UpdateAndRestart's answer; when successful, the restart follows shortly */
    public synchronized Map<String, Object> updateAndRestart(boolean extensions, boolean backends, boolean force) {
        Map<String, Object> answer = updates.updateAndRestart(extensions, backends, force);
        restarting = restarting || Boolean.TRUE.equals(answer.get("success"));
        return answer;
    }

    /** @return the main bundle of an extension an admin installed, or SwarmUI's error */
    private Bundle requested(String name) {
        ExtensionState.Entry entry = state.extensions().get(name);
        Optional<Bundle> main = entry == null ? Optional.empty() : bundles.at(entry.location);
        if (main.isPresent()) {
            return main.get();
        }
        if (entry != null) {
            save(state.without(Set.of(name)));
        }
        throw notRequested(name);
    }

    private ApiError notRequested(String name) {
        if (bundles.extension(name).isPresent()) {
            return new ApiError(subject(name) + " is part of the server's distribution and cannot be changed here.");
        }
        return new ApiError("Unknown extension.");
    }

    /**
     * Resolves, then downloads and verifies everything the plan needs; nothing is installed when this fails.
     *
     * @param subject what the error messages talk about, e.g. {@code Extension 'hello'}
     * @param verb the past participle of the operation, e.g. {@code installed}
     */
    List<Staged> stage(String subject, String verb, RepositorySnapshot repos, List<IndexResource> wanted,
            Set<BundleRevision> replaced) {
        if (restarting) {
            throw new ApiError("The server is restarting to finish an update; try again in a moment.");
        }
        List<IndexResource> plan;
        try {
            plan = planner.plan(InstalledResources.of(context), repos.resources(), wanted, Set.copyOf(replaced));
        } catch (PlanException e) {
            throw new ApiError(subject + " cannot be " + verb + ": " + e.getMessage());
        }
        try {
            return Staged.downloadAll(plan);
        } catch (IOException e) {
            throw new ApiError(subject + " was not " + verb + ": " + e.getMessage());
        }
    }

    private static String subject(String name) {
        return "Extension '" + name + "'";
    }

    private void failIfBroken(String name, String verb) {
        ExtensionReport.Health health = report.health(report.parts(state.extensions().get(name)));
        if (ExtensionReport.FAILED.equals(health.state)) {
            throw new ApiError(subject(name) + " was " + verb + " but does not work: " + health.reason.replaceAll("\\.+$", "")
                    + ". It stays installed: ListExtensions shows it, UpdateExtension or UninstallExtension fix it.");
        }
    }

    private void save(ExtensionState next) {
        store.save(next);
        state = next;
    }

    /** After a start: brings the recorded state and the framework together (see {@link Reconciler}). */
    private synchronized void reconcile() {
        try {
            save(new Reconciler(context, bundles, failures).reconcile(state));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Checking the installed extensions failed: " + e.getMessage(), e);
        }
    }
}
