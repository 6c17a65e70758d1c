package apiary.core.t2i.internal.params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IParamType;
import apiary.core.api.t2i.T2IRequest;

/**
 * A parsed request: typed values by id in the table's order, the defaults of the table it was parsed with, and a
 * record (shared by every copy made with {@link #with}) of which parameters anyone read, for the metadata's
 * {@code unused_parameters}. The prompts' wildcard tags are filled from the request's own seeds
 * ({@link PromptWildcards}); a copy with another seed fills them again from the prompts as written.
 */
public final class T2IRequestImpl implements T2IRequest {
    private final User user;
    private final ParamTable table;
    /** The values as written (prompts not filled), what {@link #with} copies. */
    private final Map<String, Object> written;
    private final Map<String, Object> values;
    private final Map<String, Object> writtenExtra;
    private final Map<String, Object> extra;
    private final Set<String> read;
    private final PromptWildcards wildcards;

    private T2IRequestImpl(User user, ParamTable table, Map<String, Object> values, Map<String, Object> extra, Set<String> read,
            PromptWildcards wildcards) {
        this.user = user;
        this.table = table;
        this.read = read;
        this.wildcards = wildcards;
        this.written = values;
        this.writtenExtra = extra;
        Map<String, Object> effective = values;
        Map<String, Object> effectiveExtra = extra;
        if (PromptWildcards.hasTags(values)) {
            effective = new LinkedHashMap<>(values);
            effectiveExtra = new LinkedHashMap<>(extra);
            if (wildcards.fill(effective, effectiveExtra)) {
                read.add("wildcardseed");
                read.add(PromptWildcards.BEHAVIOR);
            }
        }
        this.values = Collections.unmodifiableMap(ordered(table, effective));
        this.extra = Collections.unmodifiableMap(effectiveExtra);
    }

    static T2IRequestImpl create(User user, ParamTable table, Map<String, Object> values, Map<String, Object> extra) {
        return create(user, table, values, extra, PromptWildcards.NONE);
    }

    static T2IRequestImpl create(User user, ParamTable table, Map<String, Object> values, Map<String, Object> extra,
            PromptWildcards wildcards) {
        return new T2IRequestImpl(user, table, new LinkedHashMap<>(values), new LinkedHashMap<>(extra),
                ConcurrentHashMap.newKeySet(), wildcards);
    }

    private static Map<String, Object> ordered(ParamTable table, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (T2IParam<?> p : table.params()) {
            if (values.containsKey(p.id())) {
                out.put(p.id(), values.get(p.id()));
            }
        }
        values.forEach(out::putIfAbsent);
        return out;
    }

    @Override
    public User user() {
        return user;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(T2IParamKey<T> key) {
        read.add(key.id());
        return Optional.ofNullable((T) values.get(key.id()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOrDefault(T2IParamKey<T> key) {
        read.add(key.id());
        Object v = values.get(key.id());
        if (v != null) {
            return (T) v;
        }
        T2IParam<?> p = table.find(key.id());
        return p == null ? null : (T) Defaults.of(p);
    }

    @Override
    public Map<String, Object> values() {
        return values;
    }

    @Override
    public <T> T2IRequest with(T2IParamKey<T> key, T value) {
        Map<String, Object> copy = new LinkedHashMap<>(written);
        if (value == null) {
            copy.remove(key.id());
        } else {
            copy.put(key.id(), value);
        }
        return new T2IRequestImpl(user, table, copy, writtenExtra, read, wildcards);
    }

    @Override
    public Set<String> requiredFeatures() {
        Set<String> out = new TreeSet<>();
        for (String id : values.keySet()) {
            T2IParam<?> p = table.find(id);
            if (p != null && p.featureFlag() != null) {
                for (String f : p.featureFlag().split(",")) {
                    if (!f.isBlank()) {
                        out.add(f.trim());
                    }
                }
            }
        }
        return out;
    }

    @Override
    public Map<String, Set<String>> usedModels() {
        Map<String, Set<String>> out = new TreeMap<>();
        values.forEach((id, v) -> {
            T2IParam<?> p = table.find(id);
            if (p == null) {
                return;
            }
            if (p.type() == T2IParamType.MODEL && v instanceof String && !((String) v).isEmpty()) {
                out.computeIfAbsent(p.subtype(), k -> new TreeSet<>()).add((String) v);
            } else if ("loras".equals(id) && v instanceof List) {
                for (Object lora : (List<?>) v) {
                    out.computeIfAbsent("LoRA", k -> new TreeSet<>()).add(String.valueOf(lora));
                }
            }
        });
        return out;
    }

    @Override
    public Map<String, Object> extraMetadata() {
        return extra;
    }

    /** @return the ids of set parameters nobody has read so far */
    public Set<String> unread() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(read);
        return out;
    }

    /**
     * @param id a parameter id
     * @return the served definition of that id in the table this request was parsed with, or null
     */
    public T2IParam<?> definition(String id) {
        return table.find(id);
    }
}
