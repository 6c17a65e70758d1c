package apiary.core.backends.internal.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import apiary.core.api.backend.BackendStatus;

/** Checks and frozen copies of what a backend reports, shared by the contexts of entries and of children. */
final class Reports {
    private Reports() {
    }

    /** @return the status, when a backend may report it */
    static BackendStatus status(BackendStatus status) {
        Objects.requireNonNull(status, "status");
        if (status == BackendStatus.WAITING || status == BackendStatus.DISABLED) {
            throw new IllegalArgumentException("Only the registry sets " + status.wireName());
        }
        return status;
    }

    /** @return the value, when it is not negative */
    static int maxUsages(int maxUsages) {
        if (maxUsages < 0) {
            throw new IllegalArgumentException("maxUsages must not be negative");
        }
        return maxUsages;
    }

    /** @return an immutable copy without duplicates, in order */
    static List<String> features(Collection<String> features) {
        return List.copyOf(new LinkedHashSet<>(features));
    }

    /** @return an immutable deep copy, or {@code null} */
    static Map<String, List<String>> models(Map<String, List<String>> models) {
        if (models == null) {
            return null;
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> m : models.entrySet()) {
            copy.put(m.getKey(), List.copyOf(m.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }
}
