package apiary.core.t2i.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class LedgerWriterTest {
    private final JdbcDataSource ds = new JdbcDataSource();

    LedgerWriterTest() throws SQLException {
        ds.setURL("jdbc:h2:mem:writer" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT PRIMARY KEY)");
        }
    }

    private LedgerWriter.Work insert(int n) {
        return c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO t VALUES (" + n + ")");
            }
        };
    }

    private List<Integer> rows() throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n FROM t ORDER BY n")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    @Test
    void writesQueuedDuringABatchAreCommittedTogetherAndFlushWaitsForThem() throws Exception {
        LedgerWriter w = new LedgerWriter(ds, 0, () -> { });
        CountDownLatch inFirst = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Boolean> autoCommit = new ArrayList<>();
        w.later(c -> {
            inFirst.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        inFirst.await();
        for (int i = 1; i <= 5; i++) {
            w.later(insert(i));
        }
        w.later(c -> autoCommit.add(c.getAutoCommit()));
        release.countDown();
        w.flush();
        assertEquals(List.of(1, 2, 3, 4, 5), rows(), "flush returns once everything queued before it is committed");
        assertEquals(List.of(false), autoCommit, "queued writes run inside one transaction");
        w.stop();
    }

    @Test
    void aFailingWriteLosesNothingElse() throws Exception {
        LedgerWriter w = new LedgerWriter(ds, 0, () -> { });
        CountDownLatch hold = new CountDownLatch(1);
        w.later(c -> {
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        w.later(insert(1));
        w.later(insert(1));
        w.later(insert(2));
        w.later(c -> {
            throw new IllegalStateException("a bug in one write");
        });
        w.later(insert(3));
        hold.countDown();
        w.flush();
        assertEquals(List.of(1, 2, 3), rows(), "the batch failed, so every write ran again on its own");
        w.stop();
    }

    @Test
    void moreWritesThanOneBatchHoldAreAllCommittedBeforeFlushReturns() throws Exception {
        LedgerWriter w = new LedgerWriter(ds, 0, () -> { });
        int n = LedgerWriter.MAX_BATCH * 2 + 7;
        for (int i = 0; i < n; i++) {
            w.later(insert(i));
        }
        w.flush();
        assertEquals(n, rows().size());
        w.stop();
    }

    @Test
    void aWriteNobodyWaitsForIsCommittedAfterTheDelay() throws Exception {
        LedgerWriter w = new LedgerWriter(ds, 20, () -> { });
        w.later(insert(7));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (rows().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of(7), rows());
        w.stop();
    }
}
