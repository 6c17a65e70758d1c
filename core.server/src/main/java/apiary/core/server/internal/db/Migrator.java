package apiary.core.server.internal.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import apiary.core.api.data.Database;

/**
 * Runs per-module schema migrations, recording each module's version in {@code apiary_schema}. On PostgreSQL the
 * table is locked while a script runs, so several servers sharing the database migrate one at a time.
 */
final class Migrator {
    private static final System.Logger LOG = System.getLogger(Migrator.class.getName());

    private final DataSource dataSource;
    private final Database.Dialect dialect;

    Migrator(DataSource dataSource, Database.Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    synchronized void migrate(String module, List<String> scripts) {
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            for (int i = 0; i < scripts.size(); i++) {
                runIfNeeded(c, module, i + 1, scripts.get(i));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Migrating " + module + " failed: " + e.getMessage(), e);
        }
    }

    private void ensureVersionTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS apiary_schema (module VARCHAR(200) PRIMARY KEY, version INT NOT NULL)");
        } catch (SQLException e) {
            // Two servers creating it at once on PostgreSQL: the loser sees a duplicate type; the table exists now.
            if (dialect != Database.Dialect.POSTGRESQL) {
                throw e;
            }
        }
    }

    private void runIfNeeded(Connection c, String module, int version, String script) throws SQLException {
        c.setAutoCommit(false);
        try {
            if (dialect == Database.Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE apiary_schema IN EXCLUSIVE MODE");
                }
            }
            int current = currentVersion(c, module);
            if (current >= version) {
                c.rollback();
                return;
            }
            try (Statement s = c.createStatement()) {
                for (String statement : split(script)) {
                    s.execute(statement);
                }
            }
            recordVersion(c, module, version, current);
            c.commit();
            LOG.log(Level.INFO, "Database: {0} schema now at version {1}", module, version);
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static int currentVersion(Connection c, String module) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM apiary_schema WHERE module = ?")) {
            ps.setString(1, module);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    private static void recordVersion(Connection c, String module, int version, int previous) throws SQLException {
        String sql = previous == 0 ? "INSERT INTO apiary_schema (version, module) VALUES (?, ?)"
                : "UPDATE apiary_schema SET version = ? WHERE module = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, version);
            ps.setString(2, module);
            ps.executeUpdate();
        }
    }

    /** Splits a script at semicolons that end a line. */
    static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        for (String part : script.split(";\\s*(\\r?\\n|$)")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }
}
