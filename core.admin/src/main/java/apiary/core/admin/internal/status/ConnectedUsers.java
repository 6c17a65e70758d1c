package apiary.core.admin.internal.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;

/**
 * SwarmUI's connected-users view built from the live sessions: one entry per user (internal {@code __} users
 * hidden, ordered by id), skipping users absent for over three minutes with nothing running, with the addresses of
 * their sessions used in the last three minutes counted.
 */
final class ConnectedUsers {
    static final Duration RECENT = Duration.ofMinutes(3);

    private ConnectedUsers() {
    }

    static List<Map<String, Object>> build(Collection<Session> sessions, Instant now) {
        Map<String, List<Session>> byUser = new TreeMap<>();
        for (Session s : sessions) {
            String id = s.user().id();
            if (!id.startsWith("__")) {
                byUser.computeIfAbsent(id, k -> new ArrayList<>()).add(s);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (List<Session> own : byUser.values()) {
            User user = own.get(0).user();
            Map<String, Integer> counters = new LinkedHashMap<>();
            int running = 0;
            for (StatusCounter c : StatusCounter.values()) {
                int sum = 0;
                for (Session s : own) {
                    sum += s.counter(c).get();
                }
                counters.put(c.key(), sum);
                running += sum;
            }
            if (running == 0 && Duration.between(user.lastPresent(), now).compareTo(RECENT) > 0) {
                continue;
            }
            Instant lastActive = user.lastUsed().equals(Instant.EPOCH) ? user.lastPresent() : user.lastUsed();
            Duration idle = Duration.between(lastActive, now);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", user.id());
            entry.put("last_active_seconds", Math.max(0, idle.toMillis()) / 1000.0);
            entry.put("active_sessions", recentAddresses(own, now));
            entry.put("last_active", DurationText.of(idle) + " ago");
            entry.putAll(counters);
            out.add(entry);
        }
        return out;
    }

    private static List<Map<String, Object>> recentAddresses(List<Session> sessions, Instant now) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Session s : sessions) {
            if (Duration.between(s.lastUsed(), now).compareTo(RECENT) <= 0) {
                counts.merge(s.originAddress(), 1, Integer::sum);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("address", e.getKey());
            a.put("count", e.getValue());
            out.add(a);
        }
        return out;
    }
}
