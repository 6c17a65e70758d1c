package apiary.core.admin.internal.extensions.repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The bundles of every configured repository index at one moment, in the order of the setting (when two indexes
 * list the same bundle and version, the first one's copy is used), plus the indexes that could not be read.
 */
public final class RepositorySnapshot {
    private final List<IndexResource> resources;
    private final Map<String, String> errors;

    RepositorySnapshot(List<List<IndexResource>> indexes, Map<String, String> errors) {
        List<IndexResource> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (List<IndexResource> index : indexes) {
            for (IndexResource r : index) {
                if (r.installable() && seen.add(r.symbolicName() + "@" + r.version())) {
                    all.add(r);
                }
            }
        }
        this.resources = Collections.unmodifiableList(all);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** @return an empty snapshot, for tests */
    public static RepositorySnapshot of(List<IndexResource> resources) {
        return new RepositorySnapshot(List.of(resources), Map.of());
    }

    /** @return every installable bundle */
    public List<IndexResource> resources() {
        return resources;
    }

    /** @return index URL to the reason it could not be read */
    public Map<String, String> errors() {
        return errors;
    }

    /** @return the newest version of the named extension */
    public Optional<IndexResource> newestExtension(String name) {
        return resources.stream().filter(r -> r.extension().map(m -> m.name().equals(name)).orElse(false))
                .max(Comparator.comparing(IndexResource::version));
    }

    /** @return the newest version of the bundle with this symbolic name */
    public Optional<IndexResource> newestBundle(String symbolicName) {
        return resources.stream().filter(r -> r.symbolicName().equals(symbolicName))
                .max(Comparator.comparing(IndexResource::version));
    }

    /** @return the newest version of each extension, by name */
    public Map<String, IndexResource> newestExtensions() {
        Map<String, IndexResource> out = new LinkedHashMap<>();
        for (IndexResource r : resources) {
            r.extension().ifPresent(m -> out.merge(m.name(), r, (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b));
        }
        return out;
    }

    /** @return a note naming the indexes that could not be read, or an empty string */
    public String errorNote() {
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        errors.forEach((url, why) -> sb.append(" (The extension repository ").append(url).append(" could not be read: ")
                .append(why).append(")"));
        return sb.toString();
    }
}
