package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/**
 * H2's plans for the ledger's per-task statements: they find the one task row through the primary key (job_id,
 * task_index), not by scanning all of the job's rows through the job_id foreign-key index.
 */
class LedgerPlanTest {
    private static String plan(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void taskUpdatesUseThePrimaryKey() throws Exception {
        DataSource ds = JobLedgerJournalTest.database();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO t2i_jobs (job_id, user_id, request_json, state, images, batch_size, front_end, created_millis) "
                    + "SELECT X, 'u', '{}', 'queued', 500, 1, 'f', 0 FROM SYSTEM_RANGE(1, 4)");
            s.execute("INSERT INTO t2i_job_images (job_id, task_index, seed, state) "
                    + "SELECT 1 + MOD(X, 4), X / 4, 1, 'queued' FROM SYSTEM_RANGE(0, 1999)");
            s.execute("ANALYZE");
            String started = plan(c, "UPDATE t2i_job_images SET state = 'running', backend_id = 1, started_millis = 1 "
                    + "WHERE job_id = 2 AND task_index = 7 AND state IN ('queued', 'running')");
            String finished = plan(c, "UPDATE t2i_job_images SET state = 'done', outputs = '[]', error = NULL, finished_millis = 1 "
                    + "WHERE job_id = 2 AND task_index = 7 AND state IN ('queued', 'running')");
            assertTrue(started.contains("PRIMARY_KEY"), started);
            assertTrue(finished.contains("PRIMARY_KEY"), finished);
        }
    }
}
