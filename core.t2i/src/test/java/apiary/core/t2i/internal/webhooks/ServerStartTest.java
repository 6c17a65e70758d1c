package apiary.core.t2i.internal.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

class ServerStartTest {
    @Test
    void aBundleStartedWhileTheLauncherRaisesTheLevelIsPartOfTheServerStart() {
        // The framework is ACTIVE at level 1 and the launcher's target is 2: the start is not over (the case that
        // lost the server start webhook when the launcher began holding level 2 back).
        assertFalse(ServerStart.startedAlready(Bundle.ACTIVE, 1, 2, "apiary-database-open"));
        // Level 2 is being reached on the start-level thread: still the server start.
        assertFalse(ServerStart.startedAlready(Bundle.ACTIVE, 2, 2, ServerStart.START_LEVEL_THREAD));
        assertFalse(ServerStart.startedAlready(Bundle.STARTING, 2, 2, "main"));
    }

    @Test
    void aBundleRestartedInAStartedServerIsNotAServerStart() {
        assertTrue(ServerStart.startedAlready(Bundle.ACTIVE, 2, 2, "apiary-http-12"));
        assertTrue(ServerStart.startedAlready(Bundle.ACTIVE, 3, 1, "main"));
    }

    @Test
    void aMissingOrBadTargetMeansLevelOne() {
        assertEquals(1, ServerStart.parseLevel(null));
        assertEquals(1, ServerStart.parseLevel("two"));
        assertEquals(2, ServerStart.parseLevel(" 2 "));
    }
}
