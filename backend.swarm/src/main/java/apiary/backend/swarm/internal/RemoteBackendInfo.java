package apiary.backend.swarm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One backend of the remote as its {@code ListBackends} shows it.
 *
 * @param id its id on the remote (negative for the remote's own non-real backends)
 * @param type its type id
 * @param title its title
 * @param features its feature flags
 * @param maxUsages how many generations it runs at once
 * @param canLoadModels whether it switches models
 * @param currentModel its loaded model, or {@code null}
 */
record RemoteBackendInfo(int id, String type, String title, List<String> features, int maxUsages, boolean canLoadModels,
        String currentModel) {
    /** The type of this driver: a remote backend of that type reaches further servers. */
    static final String SWARM_TYPE = "swarmswarmbackend";

    /**
     * @param answer {@code ListBackends} with {@code full_data}
     * @param allowForwarding whether to keep the remote's own remote backends
     * @return the remote's running backends that take generations, by id order
     */
    static List<RemoteBackendInfo> usable(Map<String, Object> answer, boolean allowForwarding) {
        List<RemoteBackendInfo> out = new ArrayList<>();
        for (Object value : answer.values()) {
            if (!(value instanceof Map)) {
                continue;
            }
            Map<?, ?> b = (Map<?, ?>) value;
            Integer id = integer(b.get("id"));
            int maxUsages = integer(b.get("max_usages")) == null ? 1 : integer(b.get("max_usages"));
            String type = String.valueOf(b.get("type"));
            if (id == null || !"running".equals(b.get("status")) || maxUsages <= 0 || Boolean.FALSE.equals(b.get("enabled"))) {
                continue;
            }
            if (!allowForwarding && (id < 0 || SWARM_TYPE.equals(type))) {
                continue;
            }
            List<String> features = new ArrayList<>();
            if (b.get("features") instanceof List) {
                ((List<?>) b.get("features")).forEach(f -> features.add(String.valueOf(f)));
            }
            Object model = b.get("current_model");
            out.add(new RemoteBackendInfo(id, type, b.get("title") == null ? "" : b.get("title").toString(), List.copyOf(features),
                    maxUsages, !Boolean.FALSE.equals(b.get("can_load_models")), model == null ? null : model.toString()));
        }
        out.sort((a, c) -> Integer.compare(a.id, c.id));
        return out;
    }

    private static Integer integer(Object v) {
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        try {
            return v == null ? null : Integer.parseInt(v.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** @param parentTitle the local entry's title or address @return the child's title */
    String childTitle(String parentTitle) {
        return "[Remote from " + parentTitle + "] " + (title.isBlank() ? type + " #" + id : title);
    }
}
