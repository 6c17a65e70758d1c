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

    /** @param subtype a subtype @return its models by name, last first */
    public Collection<ModelRecord> modelsLastFirst(String subtype) {
        TreeMap<String, ModelRecord> m = bySubtype.get(subtype);
        return m == null ? Collections.emptyList() : Collections.unmodifiableCollection(m.descendingMap().values());
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

    /**
     * @param previous the index this one replaces
     * @return this index with each record that equals the previous index's record of the same name replaced by
     *         that one, so that what is kept per record (the listing's written JSON) stays valid across a rescan
     */
    ModelIndex keepingUnchanged(ModelIndex previous) {
        Map<String, TreeMap<String, ModelRecord>> out = new HashMap<>();
        for (Map.Entry<String, TreeMap<String, ModelRecord>> e : bySubtype.entrySet()) {
            TreeMap<String, ModelRecord> old = previous.bySubtype.getOrDefault(e.getKey(), new TreeMap<>());
            TreeMap<String, ModelRecord> m = new TreeMap<>();
            e.getValue().forEach((name, r) -> {
                ModelRecord o = old.get(name);
                m.put(name, r.equals(o) ? o : r);
            });
            out.put(e.getKey(), m);
        }
        return new ModelIndex(out);
    }

    /** @param other an index @return whether both hold the very same record objects under the same names */
    boolean sameRecords(ModelIndex other) {
        if (other == this) {
            return true;
        }
        for (String subtype : union(bySubtype.keySet(), other.bySubtype.keySet())) {
            TreeMap<String, ModelRecord> a = bySubtype.getOrDefault(subtype, new TreeMap<>());
            TreeMap<String, ModelRecord> b = other.bySubtype.getOrDefault(subtype, new TreeMap<>());
            if (a.size() != b.size()) {
                return false;
            }
            for (Map.Entry<String, ModelRecord> e : a.entrySet()) {
                if (b.get(e.getKey()) != e.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new java.util.HashSet<>(a);
        out.addAll(b);
        return out;
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
