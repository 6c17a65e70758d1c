package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class JobLedgerTest {
    /** @return a ledger over a new in-memory H2 database with every migration applied */
    static JobLedger ledger() throws Exception {
        return new JobLedger(JobLedgerJournalTest.database());
    }

    @Test
    void aJobsLifeIsRecordedWithItsTasksAndUsage() throws Exception {
        JobLedger l = ledger();
        l.created(5, "bob", "{\"images\":2}", 2, 1, new long[] {40, 41}, "fe1");
        l.created(6, "eve", "{}", 1, 1, new long[] {1}, "fe1");
        l.taskStarted(5, 0, 3);
        l.taskFinished(5, 0, "done", "[\"View/bob/raw/a.png\"]", null,
                new JobLedger.Usage("2025-01-02", "bob", "sd15.safetensors", 3, 1, 1500));
        l.taskStarted(5, 1, 3);
        l.taskFinished(5, 1, "failed", "[]", "Echo backend failed", null);
        l.taskFinished(6, 0, "done", "[\"View/bob/raw/b.png\"]", null, new JobLedger.Usage("2025-01-02", "bob", "sd15.safetensors", 3, 1, 500));
        l.finished(5, "failed", "Echo backend failed");
        JobRow job = l.job(5).orElseThrow();
        assertEquals("failed", job.state());
        assertEquals(1, job.imagesDone());
        assertEquals("Echo backend failed", job.error());
        assertTrue(job.started() > 0 && job.finished() >= job.started());
        assertEquals(List.of(6L, 5L), l.jobs(null, 10).stream().map(JobRow::id).toList(), "newest first");
        assertEquals(List.of(5L), l.jobs("bob", 10).stream().map(JobRow::id).toList());
        List<JobLedger.Usage> usage = l.usage("bob");
        assertEquals(1, usage.size());
        assertEquals(2, usage.get(0).images());
        assertEquals(2000, usage.get(0).backendMillis());
        assertEquals("queued", l.job(6).orElseThrow().state());
        l.stop();
    }
}
