package apiary.core.server.internal.route;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import apiary.core.api.permission.PermissionCatalogueListener;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.RouteRuntime;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The route whiteboard: follows {@link RouteProvider} services as bundles come and go, and keeps the current
 * {@link RouteTable}. Any change of providers or of the permission catalogue rebuilds the table and swaps it in.
 */
@Component(service = {RouteRegistry.class, RouteRuntime.class}, immediate = true)
public final class RouteRegistry implements RouteRuntime {
    private static final System.Logger LOG = System.getLogger(RouteRegistry.class.getName());
    private static final long UNKNOWN_PERMISSION_GRACE_SECONDS = 2;

    private final BundleContext context;
    private final PermissionRegistry permissions;
    private final Map<Long, RouteIntrospector.Result> providers = new LinkedHashMap<>();
    private volatile RouteTable table = RouteTable.EMPTY;
    private final ScheduledExecutorService delayedWarnings = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-route-registry");
        t.setDaemon(true);
        return t;
    });
    private Set<String> reportedFailures = new HashSet<>();
    private final ServiceRegistration<PermissionCatalogueListener> catalogueListener;

    /**
     * @param context this bundle's context, to name the bundles that register routes
     * @param permissions the permission catalogue routes are checked against
     */
    @Activate
    public RouteRegistry(BundleContext context, @Reference PermissionRegistry permissions) {
        this.context = context;
        this.permissions = permissions;
        // A plain object rather than this component as a listener service: the permission registry binds listeners
        // while it activates, which happens inside this constructor - binding this component there is a cycle.
        PermissionCatalogueListener listener = all -> rebuild();
        this.catalogueListener = context.registerService(PermissionCatalogueListener.class, listener, null);
    }

    /** @return the current table; never null */
    public RouteTable table() {
        return table;
    }

    @Deactivate
    void deactivate() {
        catalogueListener.unregister();
        delayedWarnings.shutdownNow();
    }

    @Override
    public RouteRuntimeDTO snapshot() {
        return table.runtime();
    }

    /**
     * Reads a provider's routes.
     *
     * @param provider the service
     * @param props its service properties
     */
    @Reference(service = RouteProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(RouteProvider provider, Map<String, Object> props) {
        long serviceId = (Long) props.get(Constants.SERVICE_ID);
        Object ranking = props.get(Constants.SERVICE_RANKING);
        Object bundleIdProp = props.get(Constants.SERVICE_BUNDLEID);
        long bundleId = bundleIdProp instanceof Long ? (Long) bundleIdProp : -1L;
        Bundle bundle = context.getBundle(bundleId);
        ProviderRef ref = new ProviderRef(serviceId, ranking instanceof Integer ? (Integer) ranking : 0, bundleId,
                bundle == null ? "?" : bundle.getSymbolicName());
        RouteIntrospector.Result result = RouteIntrospector.introspect(provider, ref);
        synchronized (this) {
            providers.put(serviceId, result);
            rebuild();
        }
    }

    void removeProvider(RouteProvider provider, Map<String, Object> props) {
        synchronized (this) {
            providers.remove((Long) props.get(Constants.SERVICE_ID));
            rebuild();
        }
    }

    private synchronized void rebuild() {
        List<RouteDefinition> routes = new ArrayList<>();
        List<FailedRouteDTO> refused = new ArrayList<>();
        for (RouteIntrospector.Result r : providers.values()) {
            routes.addAll(r.routes);
            refused.addAll(r.refused);
        }
        table = RouteTable.build(routes, refused, permissions::find);
        reportFailures(false);
    }

    /**
     * Logs each failure once. A bundle's routes usually register a moment before its permissions do, so unknown
     * permissions are only reported when they are still unknown a little later.
     */
    private synchronized void reportFailures(boolean includeUnknownPermissions) {
        Set<String> current = new HashSet<>();
        boolean deferred = false;
        for (FailedRouteDTO f : table.runtime().failed) {
            String key = f.serviceId + "/" + f.name + "/" + f.reason;
            current.add(key);
            if (reportedFailures.contains(key)) {
                continue;
            }
            if (FailedRouteDTO.UNKNOWN_PERMISSION.equals(f.reason) && !includeUnknownPermissions) {
                current.remove(key);
                deferred = true;
                continue;
            }
            LOG.log(Level.WARNING, "Route {0} from {1} is not served ({2}): {3}", f.name, f.bundleSymbolicName,
                    f.reason, f.detail);
        }
        reportedFailures = current;
        if (deferred && !delayedWarnings.isShutdown()) {
            delayedWarnings.schedule(() -> reportFailures(true), UNKNOWN_PERMISSION_GRACE_SECONDS, TimeUnit.SECONDS);
        }
    }
}
