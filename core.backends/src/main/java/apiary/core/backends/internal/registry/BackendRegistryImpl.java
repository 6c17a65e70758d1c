package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.data.Database;
import apiary.core.api.json.Json;
import apiary.core.api.runtime.WhiteboardRuntime;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.settings.ServerSettings;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.settings.BackendServerSettings;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link BackendRegistry}: wires the three concerns together. {@link BackendTypes} tracks the type
 * whiteboard, {@link EntryTable} owns the entries and their life cycle, {@link StatusCache} the summary; one lock
 * guards them all, and no backend is ever called while it is held.
 */
@Component(service = {BackendRegistry.class, WhiteboardRuntime.class},
        property = WhiteboardRuntime.WHITEBOARD + "=" + BackendTypes.WHITEBOARD)
public final class BackendRegistryImpl implements BackendRegistry, WhiteboardRuntime {
    private static final System.Logger LOG = System.getLogger(BackendRegistryImpl.class.getName());

    private final Object lock = new Object();
    private final BackendTypes types = new BackendTypes();
    private final EntryTable table;
    private final StatusCache status;
    private final Refreshes refreshes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerSettings settings;

    /**
     * Loads the stored entries; they start when the component activates.
     *
     * @param database the server database
     * @param json JSON for the settings column
     * @param pool where the live backends are published for the scheduler
     * @param context gives this front end's node name (framework property {@code apiary.node})
     */
    @Activate
    public BackendRegistryImpl(@Reference Database database, @Reference Json json, @Reference BackendPool pool,
            BundleContext context) {
        this.table = new EntryTable(lock, new BackendStore(database, json, context.getProperty(BackendStore.NODE_PROPERTY)),
                pool, types::top);
        this.status = new StatusCache(table::statusInputs);
        this.refreshes = new Refreshes(table::refreshable);
        table.useLifecycle(new BackendLifecycle(lock, e -> {
            status.invalidate();
            table.publishLocked(e);
        }, pool::retire, () -> BackendServerSettings.maxInitAttempts(settings),
                () -> BackendServerSettings.allLoadFast(settings), () -> BackendServerSettings.maxTimeoutMillis(settings)));
    }

    /** Starts every stored entry. */
    @Activate
    void activate() {
        LOG.log(Level.INFO, "Backend registry started with {0} backend(s)", table.activate());
    }

    /** Shuts every instance down. */
    @Deactivate
    void deactivate() {
        refreshes.close();
        table.deactivate();
    }

    /** @param type a backend type service arriving */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindType(BackendType type, Map<String, Object> props) {
        BackendTypeInfo info;
        try {
            info = type.info();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "A backend type service failed to describe itself; ignoring it", e);
            synchronized (lock) {
                types.refuse(type, (Long) props.get(Constants.SERVICE_ID), "info() threw " + e);
            }
            return;
        }
        Object ranking = props.get(Constants.SERVICE_RANKING);
        TypeBinding binding = new TypeBinding(type, info, ranking instanceof Integer ? (Integer) ranking : 0,
                (Long) props.get(Constants.SERVICE_ID));
        boolean changed;
        synchronized (lock) {
            changed = types.add(binding);
        }
        if (changed) {
            LOG.log(Level.INFO, "Backend type ''{0}'' is available", info.id());
            table.restartType(info.id());
        }
    }

    /** @param type a backend type service leaving; its instances are shut down before this returns */
    void unbindType(BackendType type, Map<String, Object> props) {
        String id;
        synchronized (lock) {
            types.forget((Long) props.get(Constants.SERVICE_ID));
            TypeBinding gone = types.remove(type);
            if (gone == null) {
                return;
            }
            id = gone.info().id();
            TypeBinding next = types.top(id);
            if (next != null && next.outranks(gone)) {
                return;
            }
        }
        LOG.log(Level.INFO, "Backend type ''{0}'' left", id);
        table.restartType(id);
    }

    @Override
    public List<BackendDTO> backends() {
        return table.dtos();
    }

    @Override
    public Optional<BackendDTO> backend(int id) {
        return table.dto(id);
    }

    /** @return the backend-type whiteboard's runtime view */
    @Override
    public WhiteboardDTO snapshot() {
        synchronized (lock) {
            return types.runtime();
        }
    }

    @Override
    public List<BackendTypeInfo> types() {
        synchronized (lock) {
            return types.infos();
        }
    }

    @Override
    public BackendDTO add(String typeId, String title, Map<String, Object> settings) {
        return table.add(typeId, title, settings);
    }

    @Override
    public BackendDTO edit(int id, int newId, String title, Map<String, Object> settings) {
        return table.edit(id, newId, title, settings);
    }

    @Override
    public boolean remove(int id) {
        return table.remove(id);
    }

    @Override
    public boolean setEnabled(int id, boolean enabled) {
        return table.setEnabled(id, enabled);
    }

    @Override
    public boolean restart(int id) {
        return table.restart(id);
    }

    @Override
    public CompletionStage<Integer> refresh() {
        return refreshes.refreshAll();
    }

    @Override
    public BackendStatusReport status() {
        return status.get();
    }
}
