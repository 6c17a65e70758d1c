package apiary.itest.backends;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/** Parsed parameters for the scheduler tests, before the T2I registry exists: values by id plus the used models. */
final class MapParams implements T2IRequest {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> models = new LinkedHashMap<>();
    private final User user;

    MapParams(User user) {
        this.user = user;
    }

    MapParams set(T2IParamKey<?> key, Object value) {
        values.put(key.id(), value);
        if (key.equals(CoreParams.MODEL)) {
            models.computeIfAbsent("Stable-Diffusion", k -> new LinkedHashSet<>()).add((String) value);
        }
        return this;
    }

    @Override public User user() { return user; }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(T2IParamKey<T> key) {
        return Optional.ofNullable((T) values.get(key.id()));
    }

    @Override
    public <T> T getOrDefault(T2IParamKey<T> key) {
        return get(key).orElse(null);
    }

    @Override public Map<String, Object> values() { return values; }

    @Override
    public <T> T2IRequest with(T2IParamKey<T> key, T value) {
        MapParams copy = new MapParams(user);
        copy.values.putAll(values);
        copy.models.putAll(models);
        copy.set(key, value);
        return copy;
    }

    @Override public Set<String> requiredFeatures() { return Set.of(); }
    @Override public Map<String, Set<String>> usedModels() { return models; }
    @Override public Map<String, Object> extraMetadata() { return Map.of(); }
}
