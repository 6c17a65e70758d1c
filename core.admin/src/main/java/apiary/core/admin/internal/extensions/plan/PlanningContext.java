package apiary.core.admin.internal.extensions.plan;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import apiary.core.admin.internal.extensions.repository.IndexResource;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * The resolver's view of the world: the bundles already resolved in the framework (preferred, never changed)
 * plus the bundles of the repository indexes (newest version first). Index copies of installed bundles are left
 * out, and so are the installed bundles an update replaces.
 */
final class PlanningContext extends ResolveContext {
    private static final System.Logger LOG = System.getLogger(PlanningContext.class.getName());

    private final Collection<Resource> mandatory;
    private final Map<Resource, Wiring> wirings;
    private final Map<String, List<Capability>> installedCapabilities = new HashMap<>();
    private final Map<String, List<Capability>> indexCapabilities = new HashMap<>();
    private final Map<String, Filter> filters = new HashMap<>();

    PlanningContext(InstalledResources installed, List<IndexResource> available, Collection<Resource> mandatory,
            Set<Resource> replaced) {
        this.mandatory = List.copyOf(mandatory);
        this.wirings = installed.wirings();
        installed.wirings().forEach((resource, wiring) -> {
            if (!replaced.contains(resource)) {
                for (Capability c : wiring.getResourceCapabilities(null)) {
                    installedCapabilities.computeIfAbsent(c.getNamespace(), k -> new ArrayList<>()).add(c);
                }
            }
        });
        List<IndexResource> newestFirst = new ArrayList<>(available);
        newestFirst.sort(Comparator.comparing(IndexResource::version).reversed());
        for (IndexResource r : newestFirst) {
            if (mandatory.contains(r) || !installed.installed(r.symbolicName(), r.version().toString())) {
                for (Capability c : r.getCapabilities(null)) {
                    indexCapabilities.computeIfAbsent(c.getNamespace(), k -> new ArrayList<>()).add(c);
                }
            }
        }
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return mandatory;
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        List<Capability> out = new ArrayList<>();
        addMatches(installedCapabilities, requirement, out);
        addMatches(indexCapabilities, requirement, out);
        return out;
    }

    private void addMatches(Map<String, List<Capability>> byNamespace, Requirement requirement, List<Capability> out) {
        for (Capability c : byNamespace.getOrDefault(requirement.getNamespace(), List.of())) {
            if (matches(requirement, c)) {
                out.add(c);
            }
        }
    }

    boolean matches(Requirement requirement, Capability capability) {
        String filterText = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        if (filterText == null) {
            return true;
        }
        Filter filter = filters.computeIfAbsent(filterText, PlanningContext::filter);
        return filter != null && filter.matches(capability.getAttributes()) && mandatoryAttributesNamed(capability, filterText);
    }

    /** A capability's {@code mandatory} attributes must each be tested by the filter (OSGi core 3.7.8). */
    private static boolean mandatoryAttributesNamed(Capability capability, String filterText) {
        String mandatory = capability.getDirectives().get("mandatory");
        if (mandatory == null) {
            return true;
        }
        for (String attribute : mandatory.split(",")) {
            if (!Pattern.compile("\\(\\s*" + Pattern.quote(attribute.trim()) + "\\s*[~<>]?=").matcher(filterText).find()) {
                return false;
            }
        }
        return true;
    }

    private static Filter filter(String text) {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            LOG.log(Level.WARNING, "Ignoring a requirement with an invalid filter {0}: {1}", text, e.getMessage());
            return null;
        }
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
        capabilities.add(hostedCapability);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        String effective = requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return wirings;
    }
}
