package apiary.core.admin.internal.extensions.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.extension.ExtensionHeaders;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/**
 * The user-facing metadata of an extension, read from its {@code apiary.extension} capability, whether that comes
 * from a repository index or from an installed bundle.
 */
public final class ExtensionMetadata {
    private final String name;
    private final String displayName;
    private final String description;
    private final String author;
    private final String license;
    private final List<String> tags;

    private ExtensionMetadata(Map<String, Object> attributes) {
        this.name = text(attributes, ExtensionHeaders.EXTENSION_NAMESPACE);
        String display = text(attributes, ExtensionHeaders.NAME);
        this.displayName = display.isEmpty() ? name : display;
        this.description = text(attributes, ExtensionHeaders.DESCRIPTION);
        this.author = text(attributes, ExtensionHeaders.AUTHOR);
        this.license = text(attributes, ExtensionHeaders.LICENSE);
        Object tagValue = attributes.get(ExtensionHeaders.TAGS);
        List<String> tagList = new ArrayList<>();
        if (tagValue instanceof Collection) {
            ((Collection<?>) tagValue).forEach(t -> tagList.add(String.valueOf(t)));
        } else if (tagValue != null) {
            tagList.add(String.valueOf(tagValue));
        }
        this.tags = List.copyOf(tagList);
    }

    /**
     * @param resource an index resource or a bundle revision
     * @return its extension metadata, empty for bundles that are not extensions (libraries, core bundles)
     */
    public static Optional<ExtensionMetadata> of(Resource resource) {
        for (Capability c : resource.getCapabilities(ExtensionHeaders.EXTENSION_NAMESPACE)) {
            ExtensionMetadata m = new ExtensionMetadata(c.getAttributes());
            if (!m.name.isEmpty()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    private static String text(Map<String, Object> attributes, String key) {
        Object v = attributes.get(key);
        return v == null ? "" : String.valueOf(v);
    }

    /** @return the name the API uses */
    public String name() {
        return name;
    }

    /** @return whether SwarmUI's {@code hidden} tag keeps it out of the available list */
    public boolean hidden() {
        return tags.contains(ExtensionHeaders.TAG_HIDDEN);
    }

    /** @return whether it adds backend types, so its updates are backend updates */
    public boolean backend() {
        return tags.contains(ExtensionHeaders.TAG_BACKEND);
    }

    /** @return the fields shown by ListExtensions */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("display_name", displayName);
        out.put("description", description);
        out.put("author", author);
        out.put("license", license);
        out.put("tags", tags);
        return out;
    }
}
