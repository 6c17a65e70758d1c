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

    /** @param r a record @return a copy with it added or replaced */
    ModelIndex with(ModelRecord r) {
        Map<String, TreeMap<String, ModelRecord>> copy = new HashMap<>(bySubtype);
        TreeMap<String, ModelRecord> m = new TreeMap<>(copy.getOrDefault(r.subtype(), new TreeMap<>()));
        m.put(r.name(), r);
        copy.put(r.subtype(), m);
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
