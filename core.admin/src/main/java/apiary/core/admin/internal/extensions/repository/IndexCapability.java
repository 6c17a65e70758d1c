package apiary.core.admin.internal.extensions.repository;

import java.util.Map;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/** A capability of a resource listed in a repository index. */
final class IndexCapability extends IndexClause implements Capability {
    IndexCapability(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
        super(namespace, directives, attributes, resource);
    }
}
