package apiary.core.admin.internal.extensions.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.admin.internal.extensions.repository.IndexResource;
import apiary.core.admin.internal.extensions.repository.TestIndex;

import org.junit.jupiter.api.Test;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.resource.Wiring;

class PlannerTest {
    private static final URI BASE = URI.create("file:/repo/index.xml");

    private final Planner planner = new Planner();

    /** A resolved bundle in the "framework": its wiring offers its capabilities. */
    private static final class InstalledWiring implements Wiring {
        private final Resource resource;

        InstalledWiring(Resource resource) {
            this.resource = resource;
        }

        @Override
        public List<Capability> getResourceCapabilities(String namespace) {
            return resource.getCapabilities(namespace);
        }

        @Override
        public List<Requirement> getResourceRequirements(String namespace) {
            return List.of();
        }

        @Override
        public List<Wire> getProvidedResourceWires(String namespace) {
            return List.of();
        }

        @Override
        public List<Wire> getRequiredResourceWires(String namespace) {
            return List.of();
        }

        @Override
        public Resource getResource() {
            return resource;
        }
    }

    private static InstalledResources installed(List<IndexResource> resources) {
        Map<Resource, Wiring> wirings = new java.util.LinkedHashMap<>();
        Set<String> identities = new java.util.HashSet<>();
        for (IndexResource r : resources) {
            wirings.put(r, new InstalledWiring(r));
            identities.add(InstalledResources.identity(r.symbolicName(), r.version().toString()));
        }
        return new InstalledResources(wirings, identities);
    }

    private static final List<IndexResource> CORE = new TestIndex().bundle("core.api", "1.0.0", "api.jar", "00")
            .exports("apiary.core.api.route", "1.0.0").parse(BASE);

    @Test
    void pullsInTheLibraryFromTheIndexBeforeTheExtension() throws PlanException {
        List<IndexResource> index = new TestIndex()
                .bundle("ext.stats", "1.0.0", "stats.jar", "01").imports("apiary.ext.textkit", "1.0.0", "2.0.0")
                .imports("apiary.core.api.route", "1.0.0", "2.0.0")
                .bundle("ext.textkit", "1.0.0", "tk1.jar", "02").exports("apiary.ext.textkit", "1.0.0")
                .bundle("ext.textkit", "1.5.0", "tk15.jar", "03").exports("apiary.ext.textkit", "1.5.0")
                .bundle("ext.textkit", "2.0.0", "tk2.jar", "04").exports("apiary.ext.textkit", "2.0.0")
                .parse(BASE);
        List<IndexResource> plan = planner.plan(installed(CORE), index, List.of(index.get(0)), Set.of());
        assertEquals(List.of("ext.textkit 1.5.0", "ext.stats 1.0.0"), names(plan), "the newest version in range, first");
    }

    @Test
    void installedBundlesArePreferredAndNeverInstalledAgain() throws PlanException {
        List<IndexResource> index = new TestIndex()
                .bundle("ext.hello", "1.0.0", "hello.jar", "01").imports("apiary.core.api.route", "1.0.0", "2.0.0")
                .bundle("core.api", "1.0.0", "api.jar", "00").exports("apiary.core.api.route", "1.0.0")
                .bundle("core.api", "1.1.0", "api11.jar", "05").exports("apiary.core.api.route", "1.1.0")
                .parse(BASE);
        assertEquals(List.of("ext.hello 1.0.0"), names(planner.plan(installed(CORE), index, List.of(index.get(0)), Set.of())));
    }

    @Test
    void aMissingPackageIsExplained() {
        List<IndexResource> index = new TestIndex()
                .bundle("ext.stats", "1.0.0", "stats.jar", "01").imports("apiary.ext.textkit", "1.0.0", "2.0.0")
                .bundle("ext.textkit", "2.0.0", "tk2.jar", "04").exports("apiary.ext.textkit", "2.0.0").parse(BASE);
        PlanException e = assertThrows(PlanException.class,
                () -> planner.plan(installed(CORE), index, List.of(index.get(0)), Set.of()));
        assertTrue(e.getMessage().contains("ext.stats 1.0.0") && e.getMessage().contains("apiary.ext.textkit"), e.getMessage());
    }

    @Test
    void anUpdateDoesNotLeanOnTheRevisionItReplaces() throws PlanException {
        List<IndexResource> old = new TestIndex().bundle("ext.lib", "1.0.0", "lib1.jar", "01").exports("apiary.ext.lib", "1.0.0")
                .parse(BASE);
        List<IndexResource> all = new ArrayList<>(CORE);
        all.addAll(old);
        List<IndexResource> index = new TestIndex()
                .bundle("ext.app", "2.0.0", "app2.jar", "02").imports("apiary.ext.lib", "1.0.0", "2.0.0")
                .bundle("ext.lib", "1.2.0", "lib12.jar", "03").exports("apiary.ext.lib", "1.2.0").parse(BASE);
        assertEquals(List.of("ext.app 2.0.0"), names(planner.plan(installed(all), index, List.of(index.get(0)), Set.of())));
        assertEquals(List.of("ext.lib 1.2.0", "ext.app 2.0.0"),
                names(planner.plan(installed(all), index, List.of(index.get(0)), Set.of(old.get(0)))));
    }

    private static List<String> names(List<IndexResource> plan) {
        List<String> out = new ArrayList<>();
        plan.forEach(r -> out.add(r.toString()));
        return out;
    }
}
