package apiary.core.backends.internal.scheduler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendDTO;

/** Copies of the registry's snapshots, so a caller that changes one cannot change the scheduler's. */
final class Snapshots {
    private Snapshots() {
    }

    static BackendDTO copy(BackendDTO d) {
        BackendDTO c = new BackendDTO();
        c.id = d.id;
        c.type = d.type;
        c.title = d.title;
        c.enabled = d.enabled;
        c.status = d.status;
        c.statusMessage = d.statusMessage;
        c.typeAvailable = d.typeAvailable;
        c.settings = deepCopy(d.settings);
        c.features = new ArrayList<>(d.features);
        c.maxUsages = d.maxUsages;
        c.canLoadModels = d.canLoadModels;
        c.currentModel = d.currentModel;
        c.modcount = d.modcount;
        if (d.models != null) {
            Map<String, List<String>> models = new LinkedHashMap<>();
            d.models.forEach((k, v) -> models.put(k, new ArrayList<>(v)));
            c.models = models;
        }
        c.usages = d.usages;
        c.lastReleasedMillis = d.lastReleasedMillis;
        c.real = d.real;
        c.parentId = d.parentId;
        return c;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map ? deepCopy((Map<String, Object>) v)
                : v instanceof List ? new ArrayList<>((List<Object>) v) : v));
        return out;
    }
}
