package apiary.core.server.internal.db;

import java.util.List;

import javax.sql.DataSource;

import apiary.core.api.data.Database;

/** The {@link Database} service over one pool. */
final class DatabaseImpl implements Database {
    private final ConnectionPool pool;
    private final Dialect dialect;
    private final Migrator migrator;

    DatabaseImpl(ConnectionPool pool, Dialect dialect) {
        this.pool = pool;
        this.dialect = dialect;
        this.migrator = new Migrator(pool, dialect);
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public void migrate(String module, List<String> scripts) {
        migrator.migrate(module, scripts);
    }
}
