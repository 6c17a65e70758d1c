package apiary.core.admin.internal.extensions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.admin.internal.extensions.apply.Restarter;
import apiary.core.admin.internal.extensions.apply.Staged;
import apiary.core.admin.internal.extensions.repository.ExtensionMetadata;
import apiary.core.admin.internal.extensions.repository.IndexResource;
import apiary.core.admin.internal.extensions.repository.RepositorySnapshot;
import apiary.core.admin.internal.extensions.state.ExtensionState;
import apiary.core.api.route.ApiError;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleRevision;

/**
 * CheckForUpdates and UpdateAndRestart: the server's own bundles (every installed bundle the extension manager
 * did not install that the indexes list in a newer version) and the installed extensions, split into backend
 * extensions (tagged {@code backend}) and the others.
 */
final class ServerUpdates {
    static final String NO_CHANGES = "No changes found.";
    static final String RESTARTING = "Update successful. Restarting... (please wait a moment, then refresh the page)";
    private static final int PREVIEW_LIMIT = 6;

    /** What the indexes hold newer versions of. */
    static final class Found {
        final Map<Bundle, IndexResource> server = new LinkedHashMap<>();
        final Map<Bundle, IndexResource> extensions = new LinkedHashMap<>();
        final Map<Bundle, IndexResource> backends = new LinkedHashMap<>();
        final Map<Bundle, String> names = new LinkedHashMap<>();
    }

    private final ExtensionManager manager;

    ServerUpdates(ExtensionManager manager) {
        this.manager = manager;
    }

    Found find(RepositorySnapshot repos) {
        Found found = new Found();
        ExtensionState state = manager.state();
        for (Bundle b : manager.context.getBundles()) {
            if (b.getBundleId() == 0 || b.getState() == Bundle.UNINSTALLED || b.getSymbolicName() == null) {
                continue;
            }
            IndexResource newer = repos.newestBundle(b.getSymbolicName())
                    .filter(r -> r.version().compareTo(b.getVersion()) > 0).orElse(null);
            if (newer == null) {
                continue;
            }
            String extension = state.nameOf(b.getLocation());
            if (!ManagedBundles.managed(b)) {
                found.server.put(b, newer);
            } else if (extension != null) {
                boolean backend = newer.extension().map(ExtensionMetadata::backend).orElse(false);
                (backend ? found.backends : found.extensions).put(b, newer);
                found.names.put(b, extension);
            }
        }
        return found;
    }

    /** @return CheckForUpdates' answer */
    Map<String, Object> check() {
        Found found = find(manager.repositories());
        List<String> lines = new ArrayList<>();
        found.server.forEach((b, r) -> lines.add(b.getSymbolicName() + ": " + b.getVersion() + " -> " + r.version()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server_updates_count", lines.size());
        out.put("server_updates_preview", preview(lines));
        out.put("extension_updates", new ArrayList<>(names(found, found.extensions)));
        out.put("backend_updates", new ArrayList<>(names(found, found.backends)));
        return out;
    }

    /** SwarmUI's cap: more than six lines become the first two, "...", and the last three. */
    static List<String> preview(List<String> lines) {
        if (lines.size() <= PREVIEW_LIMIT) {
            return lines;
        }
        List<String> out = new ArrayList<>(lines.subList(0, 2));
        out.add("...");
        out.addAll(lines.subList(lines.size() - 3, lines.size()));
        return out;
    }

    private static Set<String> names(Found found, Map<Bundle, IndexResource> updates) {
        Set<String> out = new LinkedHashSet<>();
        updates.keySet().forEach(b -> out.add(found.names.get(b)));
        return out;
    }

    /**
     * Downloads and verifies every update first; only then answers and restarts.
     *
     * @return UpdateAndRestart's answer
     */
    Map<String, Object> updateAndRestart(boolean updateExtensions, boolean updateBackends, boolean force) {
        RepositorySnapshot repos = manager.repositories();
        Found found = find(repos);
        Map<Bundle, IndexResource> targets = new LinkedHashMap<>(found.server);
        if (updateExtensions) {
            targets.putAll(found.extensions);
        }
        if (updateBackends) {
            targets.putAll(found.backends);
        }
        if (targets.isEmpty() && !force) {
            return result(false, NO_CHANGES);
        }
        Set<BundleRevision> replaced = new LinkedHashSet<>();
        targets.keySet().forEach(b -> replaced.add(b.adapt(BundleRevision.class)));
        List<Staged> staged;
        try {
            staged = manager.stage("The update", "done", repos, new ArrayList<>(targets.values()), replaced);
        } catch (ApiError e) {
            return result(false, e.getMessage());
        }
        Map<Bundle, Staged> replacements = new LinkedHashMap<>();
        List<Staged> additions = new ArrayList<>();
        for (Staged s : staged) {
            Bundle target = null;
            for (Map.Entry<Bundle, IndexResource> t : targets.entrySet()) {
                if (t.getValue() == s.resource) {
                    target = t.getKey();
                }
            }
            if (target != null) {
                replacements.put(target, s);
            } else {
                additions.add(s);
            }
        }
        Restarter.schedule(manager.context, replacements, additions, force);
        return result(true, RESTARTING);
    }

    private static Map<String, Object> result(boolean success, String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", success);
        out.put("result", text);
        return out;
    }
}
