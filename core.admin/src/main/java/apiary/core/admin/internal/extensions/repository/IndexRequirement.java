package apiary.core.admin.internal.extensions.repository;

import java.util.Map;

import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A requirement of a resource listed in a repository index. */
final class IndexRequirement extends IndexClause implements Requirement {
    IndexRequirement(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
        super(namespace, directives, attributes, resource);
    }
}
