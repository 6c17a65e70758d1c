package apiary.core.sessions.internal.db;

import apiary.core.api.data.Database;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The core.sessions view of the server database: brings the account tables up to date when the database appears,
 * then hands out {@link Sql} helpers to the stores. Every store depends on this component, so they all stop when
 * the database goes away and start again, on fresh data, when it returns.
 */
@Component(service = SessionsDatabase.class)
public final class SessionsDatabase {
    private final Sql sql;
    private final H2Compaction compaction;

    /** @param database the server database */
    @Activate
    public SessionsDatabase(@Reference Database database) {
        database.migrate(SessionsSchema.MODULE, SessionsSchema.scripts());
        this.sql = new Sql(database.dataSource());
        this.compaction = database.dialect() == Database.Dialect.H2 ? new H2Compaction(database.dataSource()) : null;
    }

    /** @return the file compaction of the embedded database; empty on PostgreSQL (its autovacuum does that) */
    public java.util.Optional<H2Compaction> compaction() {
        return java.util.Optional.ofNullable(compaction);
    }

    /** @return the JDBC helper */
    public Sql sql() {
        return sql;
    }
}
