package apiary.backend.comfy.internal.backend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/** A request the driver makes up itself (the model-load generation): fixed values, no defaults, no user. */
final class FixedRequest implements T2IRequest {
    private final Map<String, Object> values;

    FixedRequest(Map<String, Object> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public User user() {
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Optional<T> get(T2IParamKey<T> key) {
        return Optional.ofNullable((T) values.get(key.id()));
    }

    @Override
    public <T> T getOrDefault(T2IParamKey<T> key) {
        return get(key).orElse(null);
    }

    @Override
    public Map<String, Object> values() {
        return Map.copyOf(values);
    }

    @Override
    public <T> T2IRequest with(T2IParamKey<T> key, T value) {
        FixedRequest copy = new FixedRequest(values);
        if (value == null) {
            copy.values.remove(key.id());
        } else {
            copy.values.put(key.id(), value);
        }
        return copy;
    }

    @Override
    public Set<String> requiredFeatures() {
        return Set.of();
    }

    @Override
    public Map<String, Set<String>> usedModels() {
        return Map.of();
    }

    @Override
    public Map<String, Object> extraMetadata() {
        return Map.of();
    }
}
