package apiary.backend.comfy.internal.workflow;

import java.util.List;
import java.util.Map;

import apiary.core.api.t2i.T2IParamKey;
import apiary.core.api.t2i.T2IRequest;

/**
 * Reads a request's values with SwarmUI's defaults, so the driver works the same whether or not the parameter's
 * definition is registered (the request then has no default of its own to give).
 */
final class Values {
    private final T2IRequest request;

    Values(T2IRequest request) {
        this.request = request;
    }

    <T> T get(T2IParamKey<T> key, T fallback) {
        T v = request.getOrDefault(key);
        return v == null ? fallback : v;
    }

    long integer(T2IParamKey<Long> key, long fallback) {
        Object v = request.getOrDefault(key);
        return v instanceof Number ? ((Number) v).longValue() : fallback;
    }

    double decimal(T2IParamKey<Double> key, double fallback) {
        Object v = request.getOrDefault(key);
        return v instanceof Number ? ((Number) v).doubleValue() : fallback;
    }

    String text(T2IParamKey<String> key, String fallback) {
        Object v = request.getOrDefault(key);
        return v == null ? fallback : String.valueOf(v);
    }

    boolean flag(T2IParamKey<Boolean> key) {
        return Boolean.TRUE.equals(request.getOrDefault(key));
    }

    List<String> list(T2IParamKey<List<String>> key) {
        List<String> v = request.getOrDefault(key);
        return v == null ? List.of() : v;
    }

    Map<String, Object> all() {
        return request.values();
    }
}
