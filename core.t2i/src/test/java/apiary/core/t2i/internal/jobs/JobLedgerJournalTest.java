package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ledger over an embedded database with its journal: nothing a killed process had recorded is lost or counted twice. */
class JobLedgerJournalTest {
    @TempDir
    Path dir;

    /** @return a new in-memory H2 database with every ledger migration applied */
    static DataSource database() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:journal" + System.nanoTime() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String script : JobSchema.scripts()) {
                for (String sql : script.split(";\n")) {
                    s.execute(sql);
                }
            }
        }
        return ds;
    }

    private static long count(DataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void whatAKilledProcessJournaledReachesTheDatabaseAtTheNextStartExactlyOnce() throws Exception {
        DataSource ds = database();
        Path file = dir.resolve("t2i-ledger.journal");
        // A ledger whose writer never gets to the database (the process is killed first).
        JobLedger killed = new JobLedger(ds, file, 3_600_000);
        killed.created(7, "bob", "{\"images\":2}", 2, 1, new long[] {40, 41}, "fe1");
        killed.taskStarted(7, 0, 3);
        killed.taskFinished(7, 0, "done", "[\"View/bob/raw/a.png\"]", null,
                new JobLedger.Usage("2025-01-02", "bob", "sd15", 3, 1, 1500));
        assertEquals(0, count(ds, "SELECT COUNT(*) FROM t2i_jobs"), "the answer did not wait for a database commit");

        JobLedger restarted = new JobLedger(ds, file, 0);
        JobRow job = restarted.job(7).orElseThrow();
        assertEquals("running", job.state());
        assertEquals(1, job.imagesDone());
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM t2i_job_images WHERE job_id = 7 AND state = 'queued'"),
                "the second task is still to run");
        List<JobLedger.Usage> usage = restarted.usage("bob");
        assertEquals(1, usage.get(0).images());
        restarted.stop();

        // Applying the same journal once more (a crash right after applying it) changes nothing.
        JobLedger again = new JobLedger(ds, file, 0);
        assertEquals(1, again.usage("bob").get(0).images());
        again.stop();
    }

    @Test
    void recordsAppliedTwiceCountUsageOnceAndNeverReopenAFinishedTask() throws Exception {
        DataSource ds = database();
        LedgerRecords.Record[] records = {
            new LedgerRecords.Created(8, "eve", "{}", 1, 1, new long[] {1}, "fe1", 1),
            new LedgerRecords.TaskStarted(8, 0, 2, true, 2),
            new LedgerRecords.TaskFinished(8, 0, "done", "[]", null, new JobLedger.Usage("2025-01-02", "eve", "m", 2, 1, 100), 3),
            new LedgerRecords.Finished(8, "done", null, 4),
        };
        try (Connection c = ds.getConnection()) {
            for (int round = 0; round < 2; round++) {
                for (LedgerRecords.Record r : records) {
                    r.run(c);
                }
            }
            records[1].run(c);
        }
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM t2i_jobs WHERE job_id = 8"));
        assertEquals(1, count(ds, "SELECT images FROM t2i_usage WHERE user_id = 'eve'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM t2i_job_images WHERE job_id = 8 AND state = 'done'"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM t2i_jobs WHERE job_id = 8 AND state = 'done'"));
    }
}
