package apiary.core.server.internal.permission;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.permission.PermissionCatalogueListener;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.runtime.WhiteboardRuntime;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.session.Session;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The permission whiteboard: collects every {@link PermissionProvider}'s declarations into one catalogue and tells
 * {@link PermissionCatalogueListener}s (the route registry, the role store) after each change.
 */
@Component(service = {PermissionRegistry.class, WhiteboardRuntime.class}, immediate = true,
        property = WhiteboardRuntime.WHITEBOARD + "=" + PermissionRuntime.NAME)
public final class PermissionRegistryImpl implements PermissionRegistry, WhiteboardRuntime {
    private static final System.Logger LOG = System.getLogger(PermissionRegistryImpl.class.getName());

    private final Map<Long, List<PermissionInfo>> declarations = new TreeMap<>();
    private final Map<Long, String> implementations = new TreeMap<>();
    private final Map<Long, String> refused = new TreeMap<>();
    private final List<PermissionCatalogueListener> listeners = new CopyOnWriteArrayList<>();
    private volatile PermissionCatalogue catalogue = PermissionCatalogue.EMPTY;

    @Override
    public Optional<PermissionInfo> find(String id) {
        return Optional.ofNullable(catalogue.get(id));
    }

    @Override
    public List<PermissionInfo> all() {
        return catalogue.ordered();
    }

    @Override
    public boolean isPermitted(Session session, String id) {
        if (session == null) {
            return false;
        }
        if (catalogue.get(id) == null) {
            return session.user().hasPermission(ALL);
        }
        return session.user().hasPermission(id);
    }

    @Reference(service = PermissionProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(PermissionProvider provider, Map<String, Object> props) {
        Long id = (Long) props.get(Constants.SERVICE_ID);
        List<PermissionInfo> list;
        try {
            list = List.copyOf(provider.permissions());
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "Permission provider " + provider.getClass().getName() + " failed; ignoring it", e);
            synchronized (declarations) {
                implementations.put(id, provider.getClass().getName());
                refused.put(id, "permissions() threw " + e);
            }
            return;
        }
        synchronized (declarations) {
            implementations.put(id, provider.getClass().getName());
            declarations.put(id, list);
            rebuild();
        }
        notifyListeners();
    }

    void removeProvider(PermissionProvider provider, Map<String, Object> props) {
        Long id = (Long) props.get(Constants.SERVICE_ID);
        synchronized (declarations) {
            implementations.remove(id);
            refused.remove(id);
            declarations.remove(id);
            rebuild();
        }
        notifyListeners();
    }

    @Override
    public WhiteboardDTO snapshot() {
        synchronized (declarations) {
            return PermissionRuntime.snapshot(declarations, implementations, refused, catalogue);
        }
    }

    @Reference(service = PermissionCatalogueListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addListener(PermissionCatalogueListener listener) {
        listeners.add(listener);
        tell(listener, catalogue.ordered());
    }

    void removeListener(PermissionCatalogueListener listener) {
        listeners.remove(listener);
    }

    private void rebuild() {
        catalogue = PermissionCatalogue.build(declarations.values(), dup -> LOG.log(Level.WARNING,
                "Permission ''{0}'' is declared twice; the first declaration stays", dup.id()));
    }

    private void notifyListeners() {
        List<PermissionInfo> all = catalogue.ordered();
        for (PermissionCatalogueListener l : listeners) {
            tell(l, all);
        }
    }

    private static void tell(PermissionCatalogueListener listener, List<PermissionInfo> all) {
        try {
            listener.catalogueChanged(all);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Permission listener " + listener.getClass().getName() + " failed", e);
        }
    }
}
