package apiary.core.admin.internal.extensions.repository;

import java.util.Collections;
import java.util.Map;

import org.osgi.resource.Resource;

/** What a capability and a requirement read from an index share: a namespace, directives and typed attributes. */
abstract class IndexClause {
    private final String namespace;
    private final Map<String, String> directives;
    private final Map<String, Object> attributes;
    private final Resource resource;

    IndexClause(String namespace, Map<String, String> directives, Map<String, Object> attributes, Resource resource) {
        this.namespace = namespace;
        this.directives = Collections.unmodifiableMap(directives);
        this.attributes = Collections.unmodifiableMap(attributes);
        this.resource = resource;
    }

    public String getNamespace() {
        return namespace;
    }

    public Map<String, String> getDirectives() {
        return directives;
    }

    public Map<String, Object> getAttributes() {
        return attributes;
    }

    public Resource getResource() {
        return resource;
    }

    @Override
    public String toString() {
        return namespace + attributes + directives;
    }
}
