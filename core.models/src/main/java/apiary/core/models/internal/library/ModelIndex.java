package apiary.core.models.internal.library;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An immutable snapshot of every model by subtype and name; lookups are exact, with or without {@code .safetensors}. */
public final class ModelIndex {
    /** The index before the first scan. */
    public static final ModelIndex EMPTY = new ModelIndex(Map.of());

    private final Map<String, TreeMap<String, ModelRecord>> bySubtype;

    ModelIndex(Map<String, TreeMap<String, ModelRecord>> bySubtype) {
        this.bySubtype = bySubtype;
    }

    /** @param subtype a subtype @return its models by name, ordered */
    public Collection<ModelRecord> models(String subtype) {
        TreeMap<String, ModelRecord> m = bySubtype.get(subtype);
        return m == null ? Collections.emptyList() : Collections.unmodifiableCollection(m.values());
    }

    /**
     * @param subtype a subtype
     * @param prefix a name prefix ("" for all)
     * @return its models whose names start with the prefix, ordered (a range of the index, not a filtered copy)
     */
    public Collection<ModelRecord> models(String subtype, String prefix) {
        TreeMap<String, ModelRecord> m = bySubtype.get(subtype);
        if (m == null) {
            return Collections.emptyList();
        }
        if (prefix.isEmpty()) {
            return Collections.unmodifiableCollection(m.values());
        }
        return Collections.unmodifiableCollection(m.subMap(prefix, true, prefix + Character.MAX_VALUE, false).values());
    }

    /**
     * @param subtype a subtype
     * @param name a name, with or without {@code .safetensors}
     * @return the model
     */
    public Optional<ModelRecord> find(String subtype, String name) {
        TreeMap<String, ModelRecord> m = bySubtype.get(subtype);
        if (m == null || name == null) {
            return Optional.empty();
        }
        ModelRecord r = m.get(name + ".safetensors");
        return Optional.ofNullable(r != null ? r : m.get(name));
    }

    /** @return the number of models */
    public int size() {
        return bySubtype.values().stream().mapToInt(Map::size).sum();
    }

    /** @param records records @return a copy with them added or replaced (one copy of each subtype touched) */
    ModelIndex with(Collection<ModelRecord> records) {
        Map<String, TreeMap<String, ModelRecord>> copy = new HashMap<>(bySubtype);
        Map<String, TreeMap<String, ModelRecord>> touched = new HashMap<>();
        for (ModelRecord r : records) {
            touched.computeIfAbsent(r.subtype(), s -> new TreeMap<>(copy.getOrDefault(s, new TreeMap<>()))).put(r.name(), r);
        }
        copy.putAll(touched);
        return new ModelIndex(copy);
    }

    /** @param subtype a subtype @param name an exact name @return a copy without it */
    ModelIndex without(String subtype, String name) {
        Map<String, TreeMap<String, ModelRecord>> copy = new HashMap<>(bySubtype);
        TreeMap<String, ModelRecord> m = new TreeMap<>(copy.getOrDefault(subtype, new TreeMap<>()));
        m.remove(name);
        copy.put(subtype, m);
        return new ModelIndex(copy);
    }
}
