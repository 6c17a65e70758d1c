package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.data.Database;
import apiary.core.api.json.Json;
import apiary.core.api.settings.ServerSettings;
import apiary.core.backends.internal.settings.BackendServerSettings;
import apiary.core.backends.internal.status.StatusCalculator;
import apiary.core.backends.internal.status.StatusInput;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link BackendRegistry}: entries persisted in the server database, backend types tracked as whiteboard
 * services, instances started and stopped as entries change and types come and go.
 */
@Component(service = BackendRegistry.class)
public final class BackendRegistryImpl implements BackendRegistry {
    private static final System.Logger LOG = System.getLogger(BackendRegistryImpl.class.getName());

    private final Object lock = new Object();
    private final BackendStore store;
    private final BackendTypes types = new BackendTypes();
    private final Map<Integer, BackendEntry> entries = new TreeMap<>();
    private final BackendLifecycle lifecycle;
    private int nextId;
    private boolean active;
    private volatile BackendStatusReport cachedStatus;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerSettings settings;

    /**
     * Loads the stored entries; they start when the component activates.
     *
     * @param database the server database
     * @param json JSON for the settings column
     */
    @Activate
    public BackendRegistryImpl(@Reference Database database, @Reference Json json) {
        this.store = new BackendStore(database, json);
        this.lifecycle = new BackendLifecycle(lock, () -> cachedStatus = null,
                () -> BackendServerSettings.maxInitAttempts(settings), () -> BackendServerSettings.allLoadFast(settings));
        for (StoredBackend b : store.loadAll()) {
            entries.put(b.id(), new BackendEntry(b));
            nextId = Math.max(nextId, b.id() + 1);
        }
    }

    /** Starts every stored entry. */
    @Activate
    void activate() {
        synchronized (lock) {
            active = true;
            for (BackendEntry e : entries.values()) {
                startLocked(e);
            }
        }
        LOG.log(Level.INFO, "Backend registry started with {0} backend(s)", entries.size());
    }

    /** Shuts every instance down. */
    @Deactivate
    void deactivate() {
        List<Backend> running = new ArrayList<>();
        synchronized (lock) {
            active = false;
            lifecycle.closeLocked();
            for (BackendEntry e : entries.values()) {
                running.add(lifecycle.stopLocked(e));
            }
        }
        running.forEach(lifecycle::shutdown);
    }

    /** @param type a backend type service arriving */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindType(BackendType type, Map<String, Object> props) {
        BackendTypeInfo info;
        try {
            info = type.info();
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.ERROR, "A backend type service failed to describe itself; ignoring it", e);
            return;
        }
        Object ranking = props.get(Constants.SERVICE_RANKING);
        TypeBinding binding = new TypeBinding(type, info, ranking instanceof Integer ? (Integer) ranking : 0,
                (Long) props.get(Constants.SERVICE_ID));
        List<Backend> replaced = new ArrayList<>();
        synchronized (lock) {
            if (types.add(binding)) {
                LOG.log(Level.INFO, "Backend type ''{0}'' is available", info.id());
                restartTypeLocked(info.id(), replaced);
            }
        }
        replaced.forEach(lifecycle::shutdown);
    }

    /** @param type a backend type service leaving; its instances are shut down before this returns */
    void unbindType(BackendType type) {
        List<Backend> stopped = new ArrayList<>();
        synchronized (lock) {
            TypeBinding gone = types.remove(type);
            if (gone == null) {
                return;
            }
            String id = gone.info().id();
            if (types.top(id) != null && types.top(id).outranks(gone)) {
                return;
            }
            LOG.log(Level.INFO, "Backend type ''{0}'' left", id);
            restartTypeLocked(id, stopped);
        }
        stopped.forEach(lifecycle::shutdown);
    }

    private void restartTypeLocked(String typeId, List<Backend> replaced) {
        for (BackendEntry e : entries.values()) {
            if (e.stored.type().equals(typeId)) {
                replaced.add(startLocked(e));
            }
        }
    }

    /** (Re)starts an entry with the type now in use for it, once the registry is active. */
    private Backend startLocked(BackendEntry e) {
        return active ? lifecycle.startLocked(e, types.top(e.stored.type())) : null;
    }

    @Override
    public List<BackendDTO> backends() {
        synchronized (lock) {
            List<BackendDTO> out = new ArrayList<>();
            for (BackendEntry e : entries.values()) {
                out.add(dto(e));
            }
            return out;
        }
    }

    @Override
    public Optional<BackendDTO> backend(int id) {
        synchronized (lock) {
            BackendEntry e = entries.get(id);
            return e == null ? Optional.empty() : Optional.of(dto(e));
        }
    }

    @Override
    public List<BackendTypeInfo> types() {
        synchronized (lock) {
            return types.infos();
        }
    }

    @Override
    public BackendDTO add(String typeId, String title, Map<String, Object> given) {
        if (typeId == null || typeId.isBlank() || typeId.length() > BackendStore.MAX_TYPE_ID) {
            throw new IllegalArgumentException("A backend type is required.");
        }
        checkTitle(title);
        synchronized (lock) {
            TypeBinding type = types.top(typeId);
            Map<String, Object> values = type == null ? new LinkedHashMap<>(given)
                    : BackendSettings.resolve(type.info().settings(), given);
            StoredBackend stored = new StoredBackend(nextId, typeId, title == null ? "" : title, true, values, 0);
            store.insert(stored);
            nextId++;
            BackendEntry e = new BackendEntry(stored);
            entries.put(stored.id(), e);
            startLocked(e);
            LOG.log(Level.INFO, "Added backend #{0} of type ''{1}''", stored.id(), typeId);
            return dto(e);
        }
    }

    @Override
    public BackendDTO edit(int id, int newId, String title, Map<String, Object> changes) {
        Backend old;
        BackendDTO result;
        synchronized (lock) {
            BackendEntry e = existing(id);
            checkTitle(title);
            int targetId = newId >= 0 ? newId : id;
            if (targetId != id && entries.containsKey(targetId)) {
                throw new IllegalArgumentException("Backend ID " + targetId + " is already in use.");
            }
            StoredBackend s = e.stored;
            TypeBinding type = types.top(s.type());
            Map<String, Object> values = type == null ? BackendSettings.mergeUntyped(s.settings(), changes)
                    : BackendSettings.merge(type.info().settings(), s.settings(), changes);
            StoredBackend next = new StoredBackend(targetId, s.type(), title == null ? s.title() : title, s.enabled(),
                    values, s.modcount() + 1);
            if (targetId != id) {
                store.move(id, next);
                entries.remove(id);
                entries.put(targetId, e);
            } else {
                store.save(next);
            }
            e.stored = next;
            old = startLocked(e);
            result = dto(e);
        }
        lifecycle.shutdown(old);
        return result;
    }

    @Override
    public boolean remove(int id) {
        Backend old;
        synchronized (lock) {
            BackendEntry e = entries.get(id);
            if (e == null) {
                return false;
            }
            store.delete(id);
            entries.remove(id);
            old = lifecycle.stopLocked(e);
        }
        lifecycle.shutdown(old);
        LOG.log(Level.INFO, "Deleted backend #{0}", id);
        return true;
    }

    @Override
    public boolean setEnabled(int id, boolean enabled) {
        Backend old;
        synchronized (lock) {
            BackendEntry e = existing(id);
            StoredBackend s = e.stored;
            if (s.enabled() == enabled) {
                return false;
            }
            e.stored = new StoredBackend(s.id(), s.type(), s.title(), enabled, s.settings(), s.modcount());
            store.save(e.stored);
            old = startLocked(e);
        }
        lifecycle.shutdown(old);
        return true;
    }

    @Override
    public boolean restart(int id) {
        Backend old;
        synchronized (lock) {
            BackendEntry e = entries.get(id);
            if (e == null) {
                return false;
            }
            old = startLocked(e);
        }
        lifecycle.shutdown(old);
        return true;
    }

    @Override
    public BackendStatusReport status() {
        BackendStatusReport report = cachedStatus;
        if (report == null) {
            synchronized (lock) {
                List<StatusInput> inputs = new ArrayList<>();
                for (BackendEntry e : entries.values()) {
                    inputs.add(e.statusInput());
                }
                report = StatusCalculator.compute(inputs);
                cachedStatus = report;
            }
        }
        return BackendViews.copy(report);
    }

    private static void checkTitle(String title) {
        if (title != null && title.length() > BackendStore.MAX_TITLE) {
            throw new IllegalArgumentException("Backend title is too long (at most " + BackendStore.MAX_TITLE + " characters).");
        }
    }

    private BackendEntry existing(int id) {
        BackendEntry e = entries.get(id);
        if (e == null) {
            throw new IllegalArgumentException("Invalid backend ID " + id);
        }
        return e;
    }

    private BackendDTO dto(BackendEntry e) {
        return BackendViews.dto(e, types.top(e.stored.type()));
    }
}
