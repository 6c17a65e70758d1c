package apiary.core.server.internal.db;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import apiary.core.api.data.Database;
import apiary.core.api.server.ServerInfo;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * Opens the configured database as soon as its driver's {@link DataSourceFactory} appears and publishes it as
 * {@link Database}, on a thread of its own: opening H2 takes a few hundred milliseconds of start-up, which the
 * start-level thread spends meanwhile on what does not need the database (Jetty, the registries); the components
 * that need it come up on that thread once it is published. Closes and withdraws it when the driver goes away or the bundle stops. A database that cannot be
 * opened (PostgreSQL not reachable yet) is tried again and again, waiting 1, 2, 4 ... up to
 * {@value #MAX_RETRY_SECONDS} seconds in between, each failure logged with its reason; meanwhile
 * {@link DatabaseState} tells clients why the server cannot serve them.
 */
@Component(service = DatabaseState.class, immediate = true)
public final class DatabaseManager implements DatabaseState {
    private static final System.Logger LOG = System.getLogger(DatabaseManager.class.getName());
    private static final int POOL_SIZE = 16;
    static final long MAX_RETRY_SECONDS = 15;

    private final BundleContext context;
    private final DatabaseConfig config;
    /** Runs every attempt to open the database: the first one and the retries. */
    private final ScheduledExecutorService opener = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-database-open");
        t.setDaemon(true);
        return t;
    });
    private DataSourceFactory activeFactory;
    private DataSourceFactory pendingFactory;
    private ScheduledFuture<?> pendingRetry;
    private int failures;
    private volatile String problem;
    private ConnectionPool pool;
    private ServiceRegistration<Database> registration;

    /**
     * @param context this bundle's context (framework properties, service registration)
     */
    @Activate
    public DatabaseManager(BundleContext context) {
        this.context = context;
        String dataDir = context.getProperty(ServerInfo.DATA_DIR_PROPERTY);
        this.config = DatabaseConfig.from(context::getProperty, Path.of(dataDir == null ? "Data" : dataDir));
    }

    @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    synchronized void addFactory(DataSourceFactory factory, Map<String, Object> props) {
        if (activeFactory != null || pendingFactory != null
                || !config.driverClass.equals(props.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
            return;
        }
        pendingFactory = factory;
        opener.execute(this::open);
    }

    /** One attempt; on failure the next one is scheduled. */
    private synchronized void open() {
        DataSourceFactory factory = pendingFactory;
        if (factory == null) {
            return;
        }
        try {
            ConnectionPool opened = new ConnectionPool(factory.createDataSource(config.factoryProperties), POOL_SIZE);
            try (Connection probe = opened.getConnection()) {
                LOG.log(Level.INFO, "Database: using {0} ({1})", config.description, probe.getMetaData().getDatabaseProductVersion());
            } catch (SQLException | RuntimeException e) {
                opened.close();
                throw e;
            }
            pool = opened;
            activeFactory = factory;
            pendingFactory = null;
            failures = 0;
            problem = null;
            registration = context.registerService(Database.class, new DatabaseImpl(opened, config.dialect),
                    new Hashtable<>(Map.of("apiary.db.dialect", config.dialect.name())));
        } catch (SQLException | RuntimeException e) {
            long wait = Math.min(MAX_RETRY_SECONDS, 1L << Math.min(failures, 10));
            failures++;
            problem = "The server cannot open its database (" + config.dialect.name().toLowerCase(java.util.Locale.ROOT)
                    + ") and keeps retrying; the server log has the reason.";
            if (failures == 1) {
                LOG.log(Level.ERROR, "Database: cannot open " + config.description + ": " + e.getMessage()
                        + " (retrying in " + wait + " s, and every " + MAX_RETRY_SECONDS + " s at most)", e);
            } else {
                LOG.log(Level.WARNING, "Database: still cannot open {0} (attempt {1}): {2}; retrying in {3} s",
                        config.description, failures, e.getMessage(), wait);
            }
            pendingRetry = opener.schedule(this::open, wait, TimeUnit.SECONDS);
        }
    }

    @Override
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    synchronized void removeFactory(DataSourceFactory factory, Map<String, Object> props) {
        if (factory == pendingFactory) {
            cancelRetry();
        }
        if (factory == activeFactory) {
            closeDatabase();
        }
    }

    private void cancelRetry() {
        pendingFactory = null;
        if (pendingRetry != null) {
            pendingRetry.cancel(false);
            pendingRetry = null;
        }
    }

    @Deactivate
    synchronized void close() {
        cancelRetry();
        opener.shutdownNow();
        closeDatabase();
    }

    private void closeDatabase() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (pool != null) {
            pool.close();
            pool = null;
        }
        activeFactory = null;
    }
}
