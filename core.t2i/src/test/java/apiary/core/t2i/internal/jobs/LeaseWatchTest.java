package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class LeaseWatchTest {
    @Test
    void aFrontEndIsDeadOnlyAfterItsHeartbeatStoodStillForALease() {
        LeaseWatch w = new LeaseWatch(1000);
        assertEquals(Map.of("gone", -1L), w.dead("me", Set.of("alive", "gone"), Map.of("me", 1L, "alive", 5L), 0),
                "an owner without a heartbeat row is dead at once; one with a row is watched first");
        assertEquals(Map.of("gone", -1L), w.dead("me", Set.of("alive", "gone"), Map.of("me", 2L, "alive", 6L), 900));
        assertEquals(Map.of("gone", -1L), w.dead("me", Set.of("alive", "gone"), Map.of("me", 3L, "alive", 6L), 1800),
                "it beat at 900, so it has a lease from then");
        assertEquals(Map.of("gone", -1L, "alive", 6L), w.dead("me", Set.of("alive", "gone"), Map.of("me", 4L, "alive", 6L), 1900));
        assertEquals(Map.of("gone", -1L), w.dead("me", Set.of("alive", "gone"), Map.of("me", 5L, "alive", 7L), 2000),
                "a beat brings it back");
    }

    @Test
    void aRegisteredFrontEndWithoutJobsIsReportedOnceItsHeartbeatStoodStill() {
        LeaseWatch w = new LeaseWatch(100);
        assertEquals(Map.of(), w.dead("me", Set.of(), Map.of("me", 1L, "idle", 9L), 0));
        assertEquals(Map.of("idle", 9L), w.dead("me", Set.of(), Map.of("me", 2L, "idle", 9L), 100),
                "so that its row is removed");
        assertEquals(Map.of(), w.dead("me", Set.of(), Map.of("me", 3L), 200), "a removed row is forgotten");
    }
}
