package apiary.core.admin.internal.extensions.repository;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * One bundle listed in a repository index: its identity, its capabilities and requirements (what the resolver
 * reads), and where to download it with the SHA-256 the download must match.
 */
public final class IndexResource implements Resource {
    /** The {@code osgi.content} namespace of the OSGi Repository spec. */
    static final String CONTENT_NAMESPACE = "osgi.content";

    private final List<IndexCapability> capabilities = new ArrayList<>();
    private final List<IndexRequirement> requirements = new ArrayList<>();
    private final URI base;
    private String symbolicName = "";
    private Version version = Version.emptyVersion;
    private String type = "";
    private String sha256;
    private URI url;
    private long size = -1;

    IndexResource(URI base) {
        this.base = base;
    }

    void add(String namespace, Map<String, String> directives, Map<String, Object> attributes, boolean capability) {
        if (!capability) {
            requirements.add(new IndexRequirement(namespace, directives, attributes, this));
            return;
        }
        capabilities.add(new IndexCapability(namespace, directives, attributes, this));
        if (IdentityNamespace.IDENTITY_NAMESPACE.equals(namespace)) {
            symbolicName = String.valueOf(attributes.getOrDefault(IdentityNamespace.IDENTITY_NAMESPACE, ""));
            Object v = attributes.get(IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE);
            version = v instanceof Version ? (Version) v : Version.emptyVersion;
            type = String.valueOf(attributes.getOrDefault(IdentityNamespace.CAPABILITY_TYPE_ATTRIBUTE, ""));
        } else if (CONTENT_NAMESPACE.equals(namespace) && sha256 == null) {
            Object hash = attributes.get(CONTENT_NAMESPACE);
            Object location = attributes.get("url");
            sha256 = hash == null ? null : String.valueOf(hash);
            url = location == null ? null : base.resolve(String.valueOf(location));
            Object s = attributes.get("size");
            size = s instanceof Number ? ((Number) s).longValue() : -1;
        }
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return filter(capabilities, namespace);
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return filter(requirements, namespace);
    }

    private static <T> List<T> filter(List<? extends IndexClause> all, String namespace) {
        List<T> out = new ArrayList<>();
        for (IndexClause c : all) {
            if (namespace == null || namespace.equals(c.getNamespace())) {
                @SuppressWarnings("unchecked")
                T clause = (T) c;
                out.add(clause);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** @return the bundle symbolic name */
    public String symbolicName() {
        return symbolicName;
    }

    /** @return the bundle version */
    public Version version() {
        return version;
    }

    /** @return whether this is an installable bundle (not a fragment or another kind of resource) with content */
    public boolean installable() {
        return IdentityNamespace.TYPE_BUNDLE.equals(type) && url != null && sha256 != null && !symbolicName.isEmpty();
    }

    /** @return the SHA-256 of the bundle as hex, or {@code null} when the index has none */
    public String sha256() {
        return sha256;
    }

    /** @return the absolute download URL, or {@code null} */
    public URI url() {
        return url;
    }

    /** @return the size the index states, or -1 */
    public long size() {
        return size;
    }

    /** @return the extension metadata when this bundle is an extension */
    public Optional<ExtensionMetadata> extension() {
        return ExtensionMetadata.of(this);
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
