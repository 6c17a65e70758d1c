package apiary.core.sessions.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * Thin JDBC helpers over the pooled data source: parameterised statements, row mapping and transactions. SQL errors
 * become {@link DatabaseException}, which the dispatcher turns into {@code internal_error} (logged, never shown).
 */
public final class Sql {
    /** SQLSTATE of a unique-key violation, the same on H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        /** @param rs the result set on the current row @return the mapped value */
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done on one connection, e.g. inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        /** @param c the connection @return the result */
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    /** @param dataSource the pooled data source */
    public Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs one auto-committed statement. @return the update count */
    public int update(String sql, Object... params) {
        return withConnection(c -> update(c, sql, params));
    }

    /** @return every row mapped */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> query(c, sql, mapper, params));
    }

    /** @return the first row mapped, if any */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /**
     * Updates a row, inserting it when it does not exist yet (portable: H2 and PostgreSQL spell upserts differently).
     */
    public void upsert(String updateSql, Object[] updateParams, String insertSql, Object[] insertParams) {
        withConnection(c -> {
            upsert(c, updateSql, updateParams, insertSql, insertParams);
            return null;
        });
    }

    /**
     * Inserts a row unless one with the same key exists: the database's unique key decides, so two writers racing
     * for one key cannot both succeed (check-then-insert could).
     *
     * @return false when the key was taken
     */
    public boolean insertIfAbsent(String insertSql, Object... params) {
        return withConnection(c -> {
            try {
                update(c, insertSql, params);
                return true;
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return false;
                }
                throw e;
            }
        });
    }

    /**
     * Runs one statement that may violate a unique key (e.g. an update that renames a key).
     *
     * @return the update count, or -1 when the statement would have duplicated a key
     */
    public int updateUnlessDuplicate(String sql, Object... params) {
        return withConnection(c -> {
            try {
                return update(c, sql, params);
            } catch (SQLException e) {
                if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    return -1;
                }
                throw e;
            }
        });
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T transaction(Work<T> work) {
        return withConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    /** Runs work on a pooled connection. */
    public <T> T withConnection(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** @return the update count of one statement on a given connection */
    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** @return every row of a query on a given connection, mapped */
    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** The upsert of {@link #upsert(String, Object[], String, Object[])} on a given auto-commit connection. */
    public static void upsert(Connection c, String updateSql, Object[] updateParams, String insertSql,
            Object[] insertParams) throws SQLException {
        if (update(c, updateSql, updateParams) > 0) {
            return;
        }
        try {
            update(c, insertSql, insertParams);
        } catch (SQLException e) {
            // Another writer inserted the row between our update and insert: ours now updates it.
            if (!UNIQUE_VIOLATION.equals(e.getSQLState()) || !c.getAutoCommit()) {
                throw e;
            }
            update(c, updateSql, updateParams);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }
}
