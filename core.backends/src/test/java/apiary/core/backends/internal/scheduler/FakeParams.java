package apiary.core.backends.internal.scheduler;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/** Parsed parameters as the T2I registry would hand them over: values by id, required features, used models. */
final class FakeParams implements T2IRequest {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Set<String> features = new LinkedHashSet<>();
    private final Map<String, Set<String>> models = new LinkedHashMap<>();

    static FakeParams none() {
        return new FakeParams();
    }

    static FakeParams model(String model) {
        FakeParams p = new FakeParams();
        p.values.put(CoreParams.MODEL.id(), model);
        p.models.put("Stable-Diffusion", Set.of(model));
        return p;
    }

    FakeParams set(T2IParamKey<?> key, Object value) {
        values.put(key.id(), value);
        return this;
    }

    FakeParams feature(String flag) {
        features.add(flag);
        return this;
    }

    FakeParams uses(String subtype, String name) {
        models.computeIfAbsent(subtype, k -> new LinkedHashSet<>()).add(name);
        return this;
    }

    @Override public User user() { return null; }

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
        FakeParams copy = new FakeParams();
        copy.values.putAll(values);
        copy.values.put(key.id(), value);
        copy.features.addAll(features);
        copy.models.putAll(models);
        return copy;
    }

    @Override public Set<String> requiredFeatures() { return features; }
    @Override public Map<String, Set<String>> usedModels() { return models; }
    @Override public Map<String, Object> extraMetadata() { return Map.of(); }
}
