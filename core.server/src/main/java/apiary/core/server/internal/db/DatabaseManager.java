package apiary.core.server.internal.db;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Map;

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
 * {@link Database}; closes and withdraws it when the driver goes away or the bundle stops.
 */
@Component(immediate = true)
public final class DatabaseManager {
    private static final System.Logger LOG = System.getLogger(DatabaseManager.class.getName());
    private static final int POOL_SIZE = 16;

    private final BundleContext context;
    private final DatabaseConfig config;
    private DataSourceFactory activeFactory;
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
        if (activeFactory != null || !config.driverClass.equals(props.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS))) {
            return;
        }
        try {
            ConnectionPool opened = new ConnectionPool(factory.createDataSource(config.factoryProperties), POOL_SIZE);
            try (Connection probe = opened.getConnection()) {
                LOG.log(Level.INFO, "Database: using {0} ({1})", config.description, probe.getMetaData().getDatabaseProductVersion());
            }
            pool = opened;
            activeFactory = factory;
            registration = context.registerService(Database.class, new DatabaseImpl(opened, config.dialect),
                    new Hashtable<>(Map.of("apiary.db.dialect", config.dialect.name())));
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.ERROR, "Database: cannot open " + config.description + ": " + e.getMessage(), e);
        }
    }

    synchronized void removeFactory(DataSourceFactory factory, Map<String, Object> props) {
        if (factory == activeFactory) {
            close();
        }
    }

    @Deactivate
    synchronized void close() {
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
