package apiary.core.api.session;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.backend.BackendStatusReport;

/**
 * The object {@code GetCurrentStatus} answers (and {@code GetGlobalStatus}, summed over every session):
 * {@code {"status": {counters}, "backend_status": {...}, "supported_features": [...]}}.
 */
public final class CurrentStatus {
    private CurrentStatus() {
    }

    /**
     * @param sessions the sessions whose counters are summed (one for a caller's own status)
     * @param backends the backend summary; {@link BackendStatusReport#empty()} when no backend registry runs
     * @return the status object, keys in SwarmUI's order
     */
    public static Map<String, Object> of(Collection<? extends Session> sessions, BackendStatusReport backends) {
        Map<String, Object> counters = new LinkedHashMap<>();
        for (StatusCounter c : StatusCounter.values()) {
            int sum = 0;
            for (Session s : sessions) {
                sum += s.count(c);
            }
            counters.put(c.key(), sum);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", counters);
        out.put("backend_status", backends.backendStatusJson());
        out.put("supported_features", new ArrayList<>(backends.supportedFeatures));
        return out;
    }
}
