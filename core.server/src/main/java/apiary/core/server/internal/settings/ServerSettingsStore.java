package apiary.core.server.internal.settings;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.data.Database;
import apiary.core.api.runtime.WhiteboardRuntime;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.ServerSettingsListener;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;
import apiary.core.api.settings.SettingsTree;
import apiary.core.server.internal.json.JsonCodec;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The server settings store: definitions from every {@link ServerSettingsContributor}, values in the database.
 * Only changed values are stored, so a new default in a later version reaches every server that never changed it.
 * Stored values of settings whose contributor is gone are kept, and apply again when it comes back. Rows are
 * re-read at most every few seconds, so front ends sharing one PostgreSQL database see each other's changes.
 */
@Component(service = {ServerSettings.class, WhiteboardRuntime.class}, immediate = true,
        property = WhiteboardRuntime.WHITEBOARD + "=" + SettingsRuntime.NAME)
public final class ServerSettingsStore implements ServerSettings, WhiteboardRuntime {
    private static final System.Logger LOG = System.getLogger(ServerSettingsStore.class.getName());
    private static final long RELOAD_AFTER_MS = 5_000;

    private final SettingsTable table;
    private final Map<Long, Contribution> contributors = new TreeMap<>();
    private final List<ServerSettingsListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Object> typed = new ConcurrentHashMap<>();
    private volatile List<SettingDef> definitions = List.of();
    private volatile Map<String, String> rows;
    private volatile long loadedAt;

    static final class Contribution {
        final int order;
        final long serviceId;
        final List<SettingDef> nodes;
        final String implementation;

        Contribution(int order, long serviceId, List<SettingDef> nodes, String implementation) {
            this.order = order;
            this.serviceId = serviceId;
            this.nodes = nodes;
            this.implementation = implementation;
        }
    }

    /**
     * @param database where values are kept
     */
    @Activate
    public ServerSettingsStore(@Reference Database database) {
        this.table = new SettingsTable(database);
        this.rows = table.readAll();
        this.loadedAt = System.currentTimeMillis();
    }

    @Reference(service = ServerSettingsContributor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(ServerSettingsContributor contributor, Map<String, Object> props) {
        Object order = props.get(ServerSettingsContributor.ORDER);
        long id = (Long) props.get(Constants.SERVICE_ID);
        synchronized (contributors) {
            contributors.put(id, new Contribution(order instanceof Integer ? (Integer) order : 1000, id,
                    List.copyOf(contributor.settings()), contributor.getClass().getName()));
            rebuildDefinitions();
        }
    }

    void removeContributor(ServerSettingsContributor contributor, Map<String, Object> props) {
        synchronized (contributors) {
            contributors.remove((Long) props.get(Constants.SERVICE_ID));
            rebuildDefinitions();
        }
    }

    @Reference(service = ServerSettingsListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addListener(ServerSettingsListener listener) {
        listeners.add(listener);
    }

    void removeListener(ServerSettingsListener listener) {
        listeners.remove(listener);
    }

    /** @return the contributions in the order they are merged */
    private List<Contribution> ordered() {
        List<Contribution> ordered = new ArrayList<>(contributors.values());
        ordered.sort((a, b) -> a.order != b.order ? Integer.compare(a.order, b.order) : Long.compare(a.serviceId, b.serviceId));
        return ordered;
    }

    @Override
    public WhiteboardDTO snapshot() {
        synchronized (contributors) {
            return SettingsRuntime.snapshot(ordered(), definitions);
        }
    }

    private void rebuildDefinitions() {
        List<List<SettingDef>> lists = new ArrayList<>();
        for (Contribution c : ordered()) {
            lists.add(c.nodes);
        }
        definitions = SettingsDefinitions.merge(lists,
                id -> LOG.log(Level.WARNING, "Server setting ''{0}'' is defined twice; the first definition stays", id));
        typed.clear();
    }

    @Override
    public List<SettingDef> definitions() {
        return definitions;
    }

    @Override
    public Object get(String path) {
        String key = path.toLowerCase(Locale.ROOT);
        refreshIfOld();
        Object cached = typed.get(key);
        if (cached != null) {
            return cached;
        }
        SettingDef def = leaf(key).orElseThrow(() -> new IllegalArgumentException("Unknown server setting '" + path + "'"));
        Object value = storedValue(def, key);
        if (value != null) {
            typed.put(key, value);
        }
        return value;
    }

    @Override
    public Object get(String path, SettingDef definition) {
        refreshIfOld();
        return storedValue(definition, path.toLowerCase(Locale.ROOT));
    }

    private Object storedValue(SettingDef def, String key) {
        String json = rows.get(key);
        if (json == null) {
            return def.defaultValue();
        }
        try {
            return SettingsTree.coerce(def, JsonCodec.parse(json));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Stored value of server setting ''{0}'' no longer fits its definition; using the default", key);
            return def.defaultValue();
        }
    }

    @Override
    public List<String> change(Map<String, Object> changes) {
        Map<String, Object> accepted = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            Optional<SettingDef> def = leaf(key);
            if (def.isEmpty()) {
                LOG.log(Level.INFO, "Ignoring unknown server setting ''{0}''", e.getKey());
                continue;
            }
            if (def.get().secret() && SettingsTree.SECRET_MASK.equals(e.getValue())) {
                continue;
            }
            accepted.put(key, SettingsTree.coerce(def.get(), e.getValue()));
        }
        List<String> changed = new ArrayList<>();
        Map<String, String> toStore = new LinkedHashMap<>();
        synchronized (this) {
            refreshIfOld();
            for (Map.Entry<String, Object> e : accepted.entrySet()) {
                if (!Objects.equals(get(e.getKey()), e.getValue())) {
                    changed.add(e.getKey());
                }
                toStore.put(e.getKey(), JsonCodec.text(e.getValue()));
            }
            if (!toStore.isEmpty()) {
                table.writeAll(toStore);
                Map<String, String> next = new ConcurrentHashMap<>(rows);
                next.putAll(toStore);
                rows = next;
                typed.keySet().removeAll(toStore.keySet());
            }
        }
        if (!changed.isEmpty()) {
            LOG.log(Level.INFO, "Server settings changed: {0}", changed);
            for (ServerSettingsListener l : listeners) {
                try {
                    l.settingsChanged(List.copyOf(changed));
                } catch (RuntimeException ex) {
                    LOG.log(Level.ERROR, "Settings listener " + l.getClass().getName() + " failed", ex);
                }
            }
        }
        return changed;
    }

    private Optional<SettingDef> leaf(String key) {
        return SettingsTree.find(definitions, key).filter(d -> d.type() != SettingType.GROUP);
    }

    private void refreshIfOld() {
        if (System.currentTimeMillis() - loadedAt < RELOAD_AFTER_MS) {
            return;
        }
        synchronized (this) {
            if (System.currentTimeMillis() - loadedAt >= RELOAD_AFTER_MS) {
                Map<String, String> fresh = table.readAll();
                if (!fresh.equals(rows)) {
                    rows = fresh;
                    typed.clear();
                }
                loadedAt = System.currentTimeMillis();
            }
        }
    }
}
