package apiary.core.sessions.internal.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open database file shrinks once rows were deleted, on an H2 file opened as the server opens it. */
class H2CompactionTest {
    @TempDir
    Path dir;

    @Test
    void theFileOfAnOpenDatabaseShrinksAfterDeletes() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        Path file = dir.resolve("db.mv.db");
        try (Connection keepOpen = ds.getConnection(); Statement s = keepOpen.createStatement()) {
            s.execute("CREATE TABLE t (id VARCHAR(40) PRIMARY KEY, v BIGINT)");
            try (PreparedStatement p = keepOpen.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < 600; i++) { // one commit each, as sessions are created
                    p.setString(1, String.format("%040x", i));
                    p.setLong(2, i);
                    p.executeUpdate();
                }
            }
            s.execute("DELETE FROM t");
            long grown = Files.size(file);

            assertTrue(new H2Compaction(ds).compact(5_000));

            long compacted = Files.size(file);
            assertTrue(compacted * 4 < grown, "the file shrank from " + grown + " to " + compacted + " bytes");
            s.execute("INSERT INTO t VALUES ('still', 1)"); // the database works on, with its retention time kept
            assertTrue(s.executeQuery("SELECT COUNT(*) FROM t").next());
        }
    }

    @Test
    void aDatabaseThatCannotBeReachedTurnsCompactionOff() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("absent") + ";IFEXISTS=TRUE");
        H2Compaction c = new H2Compaction(ds);
        assertFalse(c.compact(100));
        assertFalse(c.compact(100), "stays off without trying again");
    }
}
