package apiary.core.api.data;

import javax.sql.DataSource;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server database: an embedded H2 file under the data folder by default, or PostgreSQL when configured, both
 * reached through the OSGi JDBC {@code DataSourceFactory}. One schema is shared by every bundle; each bundle owns
 * its tables and brings them up to date with {@link #migrate} when it activates.
 *
 * <p>Connections are pooled and auto-commit; a statement that returned has been made durable (it survives the
 * process being killed right after).
 */
@ProviderType
public interface Database {
    /** The SQL flavours this service may run on. */
    enum Dialect {
        /** Embedded H2 2.x. */
        H2,
        /** PostgreSQL 12 or later. */
        POSTGRESQL
    }

    /** @return a pooled data source; close every connection you take */
    DataSource dataSource();

    /** @return which database is behind {@link #dataSource()} */
    Dialect dialect();

    /**
     * Brings a module's tables up to date. Script {@code i} (0-based) is schema version {@code i + 1} of that
     * module; scripts above the recorded version run in order, each in its own transaction, and the version is
     * recorded. Statements inside a script are separated by {@code ;} at line ends. Safe to call concurrently
     * from several servers sharing one PostgreSQL database.
     *
     * @param module a unique module name, e.g. the bundle's symbolic name
     * @param scripts the migration scripts, oldest first; never edit one that has shipped, append a new one
     */
    void migrate(String module, List<String> scripts);
}
