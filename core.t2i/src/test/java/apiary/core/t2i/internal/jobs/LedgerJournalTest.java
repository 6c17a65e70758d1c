package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerJournalTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfRecordComesBackAsWritten() throws IOException {
        Path file = dir.resolve("Database/ledger.journal");
        LedgerRecords.Created created = new LedgerRecords.Created(5, "bob", "{\"prompt\":\"ünïcode " + "x".repeat(70_000) + "\"}",
                2, 1, new long[] {40, 41}, "fe1", 1000);
        LedgerRecords.TaskStarted started = new LedgerRecords.TaskStarted(5, 0, 3, true, 1001);
        LedgerRecords.TaskFinished finished = new LedgerRecords.TaskFinished(5, 0, "done", "[\"View/bob/a.png\"]", null,
                new JobLedger.Usage("2025-01-02", "bob", "sd15", 3, 1, 1500), 1002);
        LedgerRecords.TaskFinished failed = new LedgerRecords.TaskFinished(5, 1, "failed", "[]", "Echo failed", null, 1003);
        LedgerRecords.Finished end = new LedgerRecords.Finished(5, "failed", "Echo failed", 1004);
        try (LedgerJournal j = new LedgerJournal(file)) {
            for (LedgerRecords.Record r : List.of(created, started, finished, failed, end)) {
                j.append(r);
            }
            List<LedgerRecords.Record> back = j.read();
            assertEquals(5, back.size());
            LedgerRecords.Created c = (LedgerRecords.Created) back.get(0);
            assertEquals(created.requestJson(), c.requestJson(), "long and non-ASCII texts survive");
            assertEquals(List.of(40L, 41L), List.of(c.seeds()[0], c.seeds()[1]));
            assertEquals(started, back.get(1));
            assertEquals(finished, back.get(2));
            assertEquals(failed, back.get(3));
            assertNull(((LedgerRecords.TaskFinished) back.get(3)).usage());
            assertEquals(end, back.get(4));
            j.clear();
            assertEquals(List.of(), j.read());
            assertEquals(0, j.size());
        }
    }

    @Test
    void aRecordCutOffByAKillIsIgnoredAndTheOnesBeforeItKept() throws IOException {
        Path file = dir.resolve("ledger.journal");
        try (LedgerJournal j = new LedgerJournal(file)) {
            j.append(new LedgerRecords.Finished(1, "done", null, 1));
            j.append(new LedgerRecords.Finished(2, "done", null, 2));
        }
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length - 3));
        Files.write(file, new byte[] {0, 0}, StandardOpenOption.APPEND);
        try (LedgerJournal j = new LedgerJournal(file)) {
            List<LedgerRecords.Record> back = j.read();
            assertEquals(List.of(new LedgerRecords.Finished(1, "done", null, 1)), back);
        }
    }
}
