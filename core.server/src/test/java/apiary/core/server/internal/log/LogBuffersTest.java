package apiary.core.server.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import apiary.core.api.log.LogMessage;
import apiary.core.api.log.LogType;

import org.junit.jupiter.api.Test;

class LogBuffersTest {
    @Test
    void levelsComeFirstWithSwarmColoursAndTrackersAfter() {
        LogBuffers b = new LogBuffers();
        b.openTracker("ComfyUI-0", "backend-0");
        List<LogType> types = b.types();
        assertEquals(List.of("Verbose", "Debug", "Info", "Init", "Warning", "Error", "ComfyUI-0"),
                types.stream().map(t -> t.name).toList());
        assertEquals("#00FFFF", types.get(2).color);
        assertEquals("", types.get(2).identifier);
        assertEquals(LogBuffers.TRACKER_COLOR, types.get(6).color);
        assertEquals("backend-0", types.get(6).identifier);
    }

    @Test
    void oneSequenceAcrossTypesAndFilteringByLastSeen() {
        LogBuffers b = new LogBuffers();
        assertEquals(0, b.lastSequenceId());
        b.add("Info", Instant.now(), "a");
        b.add("Error", Instant.now(), "b");
        b.add("Info", Instant.now(), "c");
        assertEquals(3, b.lastSequenceId());
        assertEquals(List.of(1L, 3L), b.messages("Info", -1).stream().map(m -> m.sequenceId).toList());
        assertEquals(List.of("c"), b.messages("Info", 1).stream().map(m -> m.message).toList());
        assertEquals(List.of(), b.messages("Info", 99));
        assertEquals(List.of(), b.messages("info", -1), "type names are case-sensitive");
        assertNull(b.add("NoSuchTracker", Instant.now(), "x"));
    }

    @Test
    void ringBufferKeepsTheNewest1024() {
        LogBuffers b = new LogBuffers();
        for (int i = 1; i <= LogBuffers.CAPACITY + 10; i++) {
            b.add("Debug", Instant.now(), "m" + i);
        }
        List<LogMessage> kept = b.messages("Debug", -1);
        assertEquals(LogBuffers.CAPACITY, kept.size());
        assertEquals("m11", kept.get(0).message);
        assertEquals(LogBuffers.CAPACITY + 10L, kept.get(kept.size() - 1).sequenceId);
    }

    @Test
    void trackersCloseButLevelsStay() {
        LogBuffers b = new LogBuffers();
        b.openTracker("T", "t");
        b.add("T", Instant.now(), "x");
        assertTrue(b.closeTracker("T"));
        assertEquals(List.of(), b.messages("T", -1));
        assertFalse(b.closeTracker("Info"));
        assertEquals(6, b.types().size());
    }
}
