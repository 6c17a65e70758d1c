package apiary.core.server.internal.db;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

import apiary.core.api.data.Database;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Which database to open, from framework properties ({@code apiary.db.*}): the embedded H2 file
 * {@code <data>/Database/apiary} unless {@code apiary.db.type=postgresql} names a PostgreSQL server.
 */
final class DatabaseConfig {
    static final String TYPE = "apiary.db.type";
    static final String HOST = "apiary.db.host";
    static final String PORT = "apiary.db.port";
    static final String NAME = "apiary.db.name";
    static final String USER = "apiary.db.user";
    static final String PASSWORD = "apiary.db.password";

    final Database.Dialect dialect;
    final String driverClass;
    final Properties factoryProperties;
    final String description;

    private DatabaseConfig(Database.Dialect dialect, String driverClass, Properties factoryProperties, String description) {
        this.dialect = dialect;
        this.driverClass = driverClass;
        this.factoryProperties = factoryProperties;
        this.description = description;
    }

    /**
     * @param property reads a framework property (null when unset)
     * @param dataDir the data folder
     */
    static DatabaseConfig from(Function<String, String> property, Path dataDir) {
        String type = value(property, TYPE, "h2").toLowerCase(Locale.ROOT);
        Properties props = new Properties();
        if (type.equals("postgresql") || type.equals("postgres")) {
            String host = value(property, HOST, "127.0.0.1");
            String port = value(property, PORT, "5432");
            String name = value(property, NAME, "apiary");
            props.put(DataSourceFactory.JDBC_SERVER_NAME, host);
            props.put(DataSourceFactory.JDBC_PORT_NUMBER, port);
            props.put(DataSourceFactory.JDBC_DATABASE_NAME, name);
            props.put(DataSourceFactory.JDBC_USER, value(property, USER, "apiary"));
            props.put(DataSourceFactory.JDBC_PASSWORD, value(property, PASSWORD, ""));
            return new DatabaseConfig(Database.Dialect.POSTGRESQL, "org.postgresql.Driver", props,
                    "PostgreSQL " + host + ":" + port + "/" + name);
        }
        if (!type.equals("h2")) {
            throw new IllegalArgumentException("Unknown " + TYPE + " '" + type + "': use h2 or postgresql");
        }
        Path file = dataDir.resolve("Database").resolve("apiary").toAbsolutePath();
        // H2's default WRITE_DELAY (500 ms) loses every recent commit - even the whole file - when the process is
        // killed; 0 writes each commit through before the statement returns.
        props.put(DataSourceFactory.JDBC_URL, "jdbc:h2:file:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        props.put(DataSourceFactory.JDBC_USER, "sa");
        props.put(DataSourceFactory.JDBC_PASSWORD, "");
        return new DatabaseConfig(Database.Dialect.H2, "org.h2.Driver", props, "H2 " + file);
    }

    private static String value(Function<String, String> property, String key, String fallback) {
        String v = property.apply(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }
}
