package apiary.core.models.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import apiary.core.api.data.Database;

import org.h2.jdbcx.JdbcDataSource;

/** An in-memory H2 {@link Database} for unit tests (migrations run every script, no version table). */
public final class TestDatabase implements Database {
    private final JdbcDataSource dataSource = new JdbcDataSource();

    /** @param name a database name, unique per test */
    public TestDatabase(String name) {
        dataSource.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    }

    @Override
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public void migrate(String module, List<String> scripts) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String script : scripts) {
                s.execute(script.replace("CREATE TABLE ", "CREATE TABLE IF NOT EXISTS "));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
