package apiary.core.admin.internal.extensions.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.admin.internal.extensions.repository.IndexResource;

import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

/**
 * Decides which bundles to bring in: the OSGi resolver (Felix's, embedded) resolves the wanted bundles against the
 * running framework plus the repository indexes, and every index bundle in the answer has to be installed.
 */
public final class Planner {
    private final Resolver resolver = new ResolverImpl(new Logger(Logger.LOG_ERROR), 1);

    /**
     * @param installed the framework's current state
     * @param available every bundle the indexes list
     * @param wanted the bundles to install or to update to
     * @param replaced installed revisions the update replaces (their capabilities are not offered)
     * @return the index bundles to bring in, each after the bundles it is wired to
     * @throws PlanException when the wanted bundles cannot be resolved
     */
    public List<IndexResource> plan(InstalledResources installed, List<IndexResource> available,
            List<IndexResource> wanted, Set<Resource> replaced) throws PlanException {
        Map<Resource, List<Wire>> result;
        try {
            result = resolver.resolve(new PlanningContext(installed, available, new ArrayList<>(wanted), replaced));
        } catch (ResolutionException e) {
            throw new PlanException(e.getMessage(), e);
        }
        Map<IndexResource, Set<IndexResource>> providers = new LinkedHashMap<>();
        for (Resource r : result.keySet()) {
            if (r instanceof IndexResource) {
                providers.put((IndexResource) r, new LinkedHashSet<>());
            }
        }
        for (Map.Entry<Resource, List<Wire>> e : result.entrySet()) {
            Set<IndexResource> mine = providers.get(e.getKey());
            if (mine == null) {
                continue;
            }
            for (Wire w : e.getValue()) {
                Resource provider = w.getProvider();
                if (providers.containsKey(provider) && provider != e.getKey()) {
                    mine.add((IndexResource) provider);
                }
            }
        }
        return dependenciesFirst(providers);
    }

    /** Orders bundles so that each comes after those it depends on; a cycle is broken where it is found. */
    static List<IndexResource> dependenciesFirst(Map<IndexResource, Set<IndexResource>> providers) {
        List<IndexResource> out = new ArrayList<>();
        Set<IndexResource> visiting = new LinkedHashSet<>();
        for (IndexResource r : providers.keySet()) {
            visit(r, providers, visiting, out);
        }
        return out;
    }

    private static void visit(IndexResource r, Map<IndexResource, Set<IndexResource>> providers,
            Set<IndexResource> visiting, List<IndexResource> out) {
        if (out.contains(r) || !visiting.add(r)) {
            return;
        }
        for (IndexResource p : providers.getOrDefault(r, Set.of())) {
            visit(p, providers, visiting, out);
        }
        out.add(r);
    }
}
