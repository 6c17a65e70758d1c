package apiary.backend.comfy.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/** Parsed parameters as the registry would hand them over, built by id. */
public final class TestRequest implements T2IRequest {
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** @param key a key @param value its value @return this */
    public <T> TestRequest set(T2IParamKey<T> key, T value) {
        values.put(key.id(), value);
        return this;
    }

    @Override public User user() { return null; }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(T2IParamKey<T> key) {
        return Optional.ofNullable((T) values.get(key.id()));
    }

    @Override public <T> T getOrDefault(T2IParamKey<T> key) { return get(key).orElse(null); }
    @Override public Map<String, Object> values() { return Map.copyOf(values); }

    @Override
    public <T> T2IRequest with(T2IParamKey<T> key, T value) {
        TestRequest copy = new TestRequest();
        copy.values.putAll(values);
        copy.values.put(key.id(), value);
        return copy;
    }

    @Override public Set<String> requiredFeatures() { return Set.of(); }
    @Override public Map<String, Set<String>> usedModels() { return Map.of(); }
    @Override public Map<String, Object> extraMetadata() { return Map.of(); }
}
