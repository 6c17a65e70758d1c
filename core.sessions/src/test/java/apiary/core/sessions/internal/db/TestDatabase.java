package apiary.core.sessions.internal.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with the core.sessions schema, for unit tests of the stores. */
public final class TestDatabase {
    private TestDatabase() {
    }

    /** @return helpers over a new database that lives until the JVM ends */
    public static Sql create() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String script : SessionsSchema.scripts()) {
                for (String statement : script.split(";\\s*(\\r?\\n|$)")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
        return new Sql(ds);
    }
}
