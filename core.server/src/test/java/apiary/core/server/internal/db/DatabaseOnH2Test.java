package apiary.core.server.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import apiary.core.api.data.Database;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool and the migrator against a real H2 file. */
class DatabaseOnH2Test {
    @TempDir
    Path dir;

    private ConnectionPool pool(int size) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
        return new ConnectionPool(ds, size);
    }

    @Test
    void migrationsRunOnceAndInOrder() throws Exception {
        try (ConnectionPool pool = pool(4)) {
            DatabaseImpl db = new DatabaseImpl(pool, Database.Dialect.H2);
            db.migrate("m", List.of("CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1)"));
            db.migrate("m", List.of("CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"));
            db.migrate("m", List.of("CREATE TABLE t (x INT);\nINSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)"));
            assertEquals(3, count(pool, "SELECT SUM(x) FROM t"));
            assertEquals(2, count(pool, "SELECT version FROM apiary_schema WHERE module = 'm'"));
            IllegalStateException bad = assertThrows(IllegalStateException.class, () -> db.migrate("m2", List.of("NOT SQL")));
            assertTrue(bad.getMessage().startsWith("Migrating m2 failed"));
        }
    }

    @Test
    void closingAPooledConnectionReturnsItAndRollsBack() throws Exception {
        try (ConnectionPool pool = pool(1)) {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (x INT)");
            }
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                c.createStatement().execute("INSERT INTO t VALUES (1)");
            }
            assertEquals(0, count(pool, "SELECT COUNT(*) FROM t"), "an unfinished transaction is rolled back on return");
            Connection c = pool.getConnection();
            c.close();
            assertTrue(c.isClosed());
            assertThrows(SQLException.class, c::createStatement);
        }
    }

    @Test
    void writesSurviveWithoutAClose() throws Exception {
        ConnectionPool pool = pool(2);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INT)");
            s.execute("INSERT INTO t VALUES (5)");
        }
        assertTrue(Files.exists(dir.resolve("db.mv.db")));
        pool.close();
        try (ConnectionPool again = pool(1)) {
            assertEquals(5, count(again, "SELECT x FROM t"));
        }
    }

    private static int count(ConnectionPool pool, String sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
