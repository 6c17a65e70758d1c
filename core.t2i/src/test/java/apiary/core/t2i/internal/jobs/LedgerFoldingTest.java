package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

/** Folded records leave the database exactly as the records applied one by one would, also when applied twice. */
class LedgerFoldingTest {
    private static List<LedgerWriter.Work> records() {
        JobLedger.Usage usage = new JobLedger.Usage("2025-01-02", "bob", "m", 2, 1, 100);
        return List.of(
                new LedgerRecords.Created(8, "bob", "{}", 3, 1, new long[] {1, 2, 3}, "fe1", 10),
                new LedgerRecords.Created(9, "eve", "{}", 1, 1, new long[] {7}, "fe1", 11),
                new LedgerRecords.TaskStarted(8, 0, 2, true, 12),
                new LedgerRecords.TaskFinished(8, 0, "done", "[\"a\"]", null, usage, 13),
                new LedgerRecords.TaskStarted(8, 1, 2, false, 14),
                new LedgerRecords.TaskFinished(8, 1, "done", "[\"b\"]", null, usage, 15),
                new LedgerRecords.TaskFinished(8, 1, "failed", "[]", "again", usage, 16),
                new LedgerRecords.TaskStarted(8, 2, 3, false, 17),
                new LedgerRecords.TaskFinished(8, 2, "failed", "[]", "boom", null, 18),
                new LedgerRecords.TaskStarted(9, 0, 2, true, 19),
                new LedgerRecords.Finished(8, "failed", "boom", 20));
    }

    private static void apply(DataSource ds, List<LedgerWriter.Work> writes) throws Exception {
        try (Connection c = ds.getConnection()) {
            for (LedgerWriter.Work w : writes) {
                w.run(c);
            }
        }
    }

    private static List<String> rows(DataSource ds) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("t2i_jobs ORDER BY job_id", "t2i_job_images ORDER BY job_id, task_index", "t2i_usage")) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(table).append(':');
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(' ').append(md.getColumnName(i)).append('=').append(rs.getString(i));
                        }
                        out.add(row.toString());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void aFoldedBatchWritesWhatItsRecordsWouldWriteInFewerStatements() throws Exception {
        DataSource oneByOne = JobLedgerJournalTest.database();
        apply(oneByOne, records());
        DataSource folded = JobLedgerJournalTest.database();
        List<LedgerWriter.Work> writes = LedgerFolding.fold(records());
        assertEquals(2, writes.size(), "each new job is one write");
        apply(folded, writes);
        assertEquals(rows(oneByOne), rows(folded));
    }

    @Test
    void aBatchAppliedAgainToAJobTheDatabaseHasChangesNothing() throws Exception {
        DataSource ds = JobLedgerJournalTest.database();
        apply(ds, LedgerFolding.fold(records()));
        List<String> once = rows(ds);
        apply(ds, LedgerFolding.fold(records()));
        apply(ds, records());
        assertEquals(once, rows(ds));
    }

    @Test
    void recordsOfAJobCreatedInAnEarlierBatchStayAsTheyAre() throws Exception {
        List<LedgerWriter.Work> later = records().subList(2, records().size());
        assertEquals(later, LedgerFolding.fold(later));
    }
}
