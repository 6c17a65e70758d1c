package apiary.itest.backends;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.itest.Api;

/**
 * Test helpers around the live {@link BackendRegistry}: adds entries of the echo test type and removes every entry a
 * test added, waits for statuses, and reads {@code GetCurrentStatus}.
 */
final class BackendFixture {
    static final String ECHO_TYPE = "itest_echo_backend";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Supplier<BackendRegistry> registry;
    private final List<Integer> added = new ArrayList<>();

    BackendFixture(Supplier<BackendRegistry> registry) {
        this.registry = registry;
    }

    /** Adds an echo-type backend; it is removed again by {@link #removeAll()}. */
    BackendDTO addEcho(String title, Map<String, Object> settings) {
        BackendDTO dto = registry.get().add(ECHO_TYPE, title, settings);
        added.add(dto.id);
        return dto;
    }

    /** Remembers an id added some other way, so that it is removed at the end. */
    void track(int id) {
        added.add(id);
    }

    void removeAll() {
        for (int id : added) {
            registry.get().remove(id);
        }
        added.clear();
    }

    /** Waits until the backend's snapshot passes the check, and returns that snapshot. */
    BackendDTO await(int id, String what, Predicate<BackendDTO> check) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        BackendDTO last = null;
        while (System.nanoTime() < deadline) {
            last = registry.get().backend(id).orElse(null);
            if (last != null && check.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("backend #" + id + " never became " + what + "; last: "
                + (last == null ? "gone" : last.status + " / " + last.statusMessage));
    }

    BackendDTO await(int id, BackendStatus status) throws InterruptedException {
        return await(id, status.wireName(), b -> b.status == status);
    }

    /** @return {@code backend_status} and {@code supported_features} of GetCurrentStatus */
    static Map<String, Object> currentStatus(Api api, String session) {
        Api.Reply r = api.call(session, "GetCurrentStatus", Map.of());
        assertEquals(r.toString(), 200, r.status);
        return r.json;
    }

    /** Asserts GetCurrentStatus's backend summary. */
    @SuppressWarnings("unchecked")
    static void assertBackendStatus(Api api, String session, String status, String cssClass, boolean anyLoading,
            List<String> features) {
        Map<String, Object> r = currentStatus(api, session);
        Map<String, Object> backend = (Map<String, Object>) r.get("backend_status");
        assertEquals(r.toString(), status, backend.get("status"));
        assertEquals(r.toString(), cssClass, backend.get("class"));
        assertEquals(r.toString(), anyLoading, backend.get("any_loading"));
        assertEquals(r.toString(), features, r.get("supported_features"));
    }
}
