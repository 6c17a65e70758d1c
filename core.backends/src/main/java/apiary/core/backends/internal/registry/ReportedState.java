package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;

/**
 * What a running backend reports about itself (status, features, usages, models), shared by the entries and their
 * non-real children. Not thread-safe on its own: every access holds the registry's lock.
 */
abstract class ReportedState {
    BackendStatus status;
    String statusMessage;
    List<String> features = List.of();
    int maxUsages = 1;
    boolean canLoadModels = true;
    Map<String, List<String>> models;
    String currentModel;

    ReportedState(BackendStatus initial) {
        this.status = initial;
    }

    /** Forgets everything an instance reported (the status is the caller's). */
    void forgetReports() {
        features = List.of();
        maxUsages = 1;
        canLoadModels = true;
        models = null;
        currentModel = null;
        statusMessage = null;
    }

    /** Copies the reported fields into a snapshot. */
    void fill(BackendDTO dto) {
        dto.status = status;
        dto.statusMessage = statusMessage;
        dto.features = new ArrayList<>(features);
        dto.maxUsages = maxUsages;
        dto.canLoadModels = canLoadModels;
        dto.currentModel = currentModel;
        dto.models = models == null ? null : copyOf(models);
    }

    static Map<String, List<String>> copyOf(Map<String, List<String>> models) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        models.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
        return out;
    }
}
