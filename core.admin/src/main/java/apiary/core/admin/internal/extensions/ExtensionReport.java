package apiary.core.admin.internal.extensions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import apiary.core.admin.internal.extensions.apply.Applier;
import apiary.core.admin.internal.extensions.apply.StartFailures;
import apiary.core.admin.internal.extensions.repository.ExtensionMetadata;
import apiary.core.admin.internal.extensions.repository.IndexResource;
import apiary.core.admin.internal.extensions.repository.RepositorySnapshot;
import apiary.core.admin.internal.extensions.state.ExtensionState;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

/** Says how each extension is doing, and builds the answer of ListExtensions. */
final class ExtensionReport {
    static final String ACTIVE = "active";
    static final String WAITING = "waiting";
    static final String FAILED = "failed";

    /** The health of one extension: its state and, unless active, why. */
    static final class Health {
        final String state;
        final String reason;

        Health(String state, String reason) {
            this.state = state;
            this.reason = reason;
        }
    }

    private final BundleContext context;
    private final ManagedBundles bundles;
    private final StartFailures failures;
    private final Supplier<ServiceComponentRuntime> scr;

    ExtensionReport(BundleContext context, ManagedBundles bundles, StartFailures failures,
            Supplier<ServiceComponentRuntime> scr) {
        this.context = context;
        this.bundles = bundles;
        this.failures = failures;
        this.scr = scr;
    }

    /** @return the health of an extension made of these bundles (main bundle first) */
    Health health(List<Bundle> parts) {
        Health waiting = null;
        for (Bundle b : parts) {
            String who = b.getSymbolicName() + " " + b.getVersion() + ": ";
            String recorded = failures.reason(b);
            switch (b.getState()) {
                case Bundle.INSTALLED:
                    return new Health(FAILED, who + (recorded != null ? recorded : "the bundle could not be resolved"));
                case Bundle.RESOLVED:
                    if (Applier.persistentlyStarted(b) && !fragment(b)) {
                        return new Health(FAILED, who + (recorded != null ? recorded : "the bundle did not start"));
                    }
                    break;
                case Bundle.ACTIVE:
                    Health problem = ComponentProblems.of(scr.get(), b);
                    if (problem != null && FAILED.equals(problem.state)) {
                        return new Health(FAILED, who + problem.reason);
                    }
                    if (problem != null && waiting == null) {
                        waiting = new Health(WAITING, who + problem.reason);
                    }
                    break;
                default:
                    break;
            }
        }
        return waiting != null ? waiting : new Health(ACTIVE, null);
    }

    /** @return the bundles of a requested extension that are still installed, main bundle first */
    List<Bundle> parts(ExtensionState.Entry entry) {
        List<Bundle> out = new ArrayList<>();
        bundles.at(entry.location).ifPresent(out::add);
        for (String location : entry.uses) {
            bundles.at(location).ifPresent(out::add);
        }
        return out;
    }

    Map<String, Object> list(ExtensionState state, RepositorySnapshot repos) {
        List<Map<String, Object>> installed = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        Set<String> installedNames = new HashSet<>();
        for (Map.Entry<String, ExtensionState.Entry> e : state.extensions().entrySet()) {
            Optional<Bundle> main = bundles.at(e.getValue().location);
            List<Bundle> parts = parts(e.getValue());
            Health health = main.isPresent() ? health(parts) : new Health(FAILED, "its bundle is missing from the framework");
            Map<String, Object> row = describe(e.getKey(), main, parts, health, true);
            main.flatMap(b -> repos.newestExtension(e.getKey()).filter(r -> r.version().compareTo(b.getVersion()) > 0))
                    .ifPresent(r -> row.put("update_available", r.version().toString()));
            installed.add(row);
            installedNames.add(e.getKey());
            if (FAILED.equals(health.state)) {
                failed.add(row);
            }
        }
        for (Bundle b : context.getBundles()) {
            ManagedBundles.metadata(b).filter(m -> !ManagedBundles.managed(b) && installedNames.add(m.name()))
                    .ifPresent(m -> installed.add(describe(m.name(), Optional.of(b), List.of(b), health(List.of(b)), false)));
        }
        List<Map<String, Object>> available = new ArrayList<>();
        for (Map.Entry<String, IndexResource> e : repos.newestExtensions().entrySet()) {
            ExtensionMetadata m = e.getValue().extension().orElseThrow();
            if (!installedNames.contains(e.getKey()) && !m.hidden()) {
                Map<String, Object> row = m.describe();
                row.put("version", e.getValue().version().toString());
                available.add(row);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("installed", installed);
        out.put("available", available);
        out.put("failed", failed);
        out.put("repository_errors", repos.errors());
        return out;
    }

    private static Map<String, Object> describe(String name, Optional<Bundle> main, List<Bundle> parts, Health health,
            boolean removable) {
        Map<String, Object> row = main.flatMap(ManagedBundles::metadata).map(ExtensionMetadata::describe)
                .orElseGet(LinkedHashMap::new);
        row.put("name", name);
        row.put("version", main.map(b -> b.getVersion().toString()).orElse(""));
        row.put("state", health.state);
        row.put("reason", health.reason);
        row.put("removable", removable);
        List<Map<String, Object>> list = new ArrayList<>();
        for (Bundle b : parts) {
            Map<String, Object> bundle = new LinkedHashMap<>();
            bundle.put("symbolic_name", b.getSymbolicName());
            bundle.put("version", b.getVersion().toString());
            bundle.put("state", BundleStates.name(b.getState()));
            list.add(bundle);
        }
        row.put("bundles", list);
        return row;
    }

    private static boolean fragment(Bundle b) {
        return b.getHeaders("").get(Constants.FRAGMENT_HOST) != null;
    }
}
