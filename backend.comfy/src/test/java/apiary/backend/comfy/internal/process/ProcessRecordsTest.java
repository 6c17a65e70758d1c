package apiary.backend.comfy.internal.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The records of launched ComfyUI processes: a process whose server is gone is ended at the next start; one whose
 * server still runs (another server on the same data folder), or a pid now used by another process, is left alone.
 */
class ProcessRecordsTest {
    @Test
    void leftoversOfADeadServerAreEndedOthersAreLeftAlone() throws Exception {
        ProcessRecords records = new ProcessRecords(Files.createTempDirectory("comfy-records-").resolve("comfy-processes"));
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Process owned = new ProcessBuilder("sleep", "300").start();
        Process reused = new ProcessBuilder("sleep", "300").start();
        try {
            records.remember(orphan.toHandle(), 1, "a server that is gone");
            records.remember(owned.toHandle());
            records.remember(reused.toHandle(), 1, "a server that is gone");
            Path reusedRecord = records.folderForTests().resolve(Long.toString(reused.pid()));
            List<String> lines = Files.readAllLines(reusedRecord);
            Files.write(reusedRecord, List.of("2001-01-01T00:00:00Z", lines.get(1), lines.get(2)));

            assertEquals(List.of(orphan.pid()), records.reapLeftovers());
            assertTrue(orphan.waitFor(10, TimeUnit.SECONDS), "the orphan was ended");
            assertTrue(owned.isAlive(), "a live server's process is kept");
            assertTrue(reused.isAlive(), "a pid that now names another process is kept");
            assertTrue(Files.exists(records.folderForTests().resolve(Long.toString(owned.pid()))), "the live server's record stays");
            assertFalse(Files.exists(reusedRecord), "stale records are cleared");
        } finally {
            orphan.destroyForcibly();
            owned.destroyForcibly();
            reused.destroyForcibly();
        }
    }

    @Test
    void aProcessThatEndsForgetsItsRecord() throws Exception {
        ProcessRecords records = new ProcessRecords(Files.createTempDirectory("comfy-records-").resolve("comfy-processes"));
        ComfyProcess p = ComfyProcess.start(List.of("sleep", "300"), Path.of("."), java.util.Map.of(), line -> { }, records);
        Path record = records.folderForTests().resolve(Long.toString(p.pid()));
        assertTrue(Files.exists(record));
        p.stop();
        assertFalse(p.isAlive());
        assertFalse(Files.exists(record));
    }
}
