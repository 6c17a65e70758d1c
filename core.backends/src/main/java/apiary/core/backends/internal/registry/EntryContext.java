package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.ChildBackend;

/**
 * The {@link BackendContext} of one instance: bound to the entry's epoch at creation, so that reports from an
 * instance that has been replaced or shut down are dropped.
 */
final class EntryContext implements BackendContext {
    private static final System.Logger LOG = System.getLogger(EntryContext.class.getName());

    private final Object lock;
    private final Consumer<BackendEntry> changed;
    private final BackendEntry entry;
    private final long epoch;
    private final int id;
    private final Map<String, Object> settings;

    EntryContext(Object lock, Consumer<BackendEntry> changed, BackendEntry entry, long epoch, Map<String, Object> settings) {
        this.lock = lock;
        this.changed = changed;
        this.entry = entry;
        this.epoch = epoch;
        this.id = entry.id();
        this.settings = deepUnmodifiable(settings);
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public BackendStatus status() {
        synchronized (lock) {
            return entry.status;
        }
    }

    @Override
    public void setStatus(BackendStatus status) {
        Reports.status(status);
        update(e -> {
            if (e.status != status) {
                LOG.log(Level.INFO, "Backend #{0} is now {1}", e.id(), status.wireName());
            }
            e.status = status;
        });
    }

    @Override
    public void setFeatures(Collection<String> features) {
        List<String> copy = Reports.features(features);
        update(e -> e.features = copy);
    }

    @Override
    public void setMaxUsages(int maxUsages) {
        Reports.maxUsages(maxUsages);
        update(e -> e.maxUsages = maxUsages);
    }

    @Override
    public void setCanLoadModels(boolean canLoadModels) {
        update(e -> e.canLoadModels = canLoadModels);
    }

    @Override
    public void setModels(Map<String, List<String>> models) {
        Map<String, List<String>> frozen = Reports.models(models);
        update(e -> e.models = frozen);
    }

    @Override
    public void setCurrentModel(String modelName) {
        update(e -> e.currentModel = modelName);
    }

    @Override
    public void reportLoadStatus(String message) {
        LOG.log(Level.DEBUG, "Backend #{0}: {1}", id, message);
        update(e -> {
            if (e.status == BackendStatus.WAITING || e.status == BackendStatus.LOADING) {
                e.statusMessage = message;
            }
        });
    }

    @Override
    public ChildBackend addChild(String title) {
        synchronized (lock) {
            ChildEntry child = new ChildEntry(entry, epoch, title);
            child.context = new ChildContext(lock, changed, child, settings);
            if (child.live()) {
                entry.children.put(child.id, child);
                LOG.log(Level.INFO, "Backend #{0} added child backend #{1} ''{2}''", id, child.id, child.title);
                changed.accept(entry);
            } else {
                child.closed = true; // an old instance: the child is inert
            }
            return child.context;
        }
    }

    private interface Change {
        void apply(BackendEntry entry);
    }

    private void update(Change change) {
        synchronized (lock) {
            if (entry.epoch != epoch) {
                return;
            }
            change.apply(entry);
            changed.accept(entry);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepUnmodifiable(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, v instanceof Map ? deepUnmodifiable((Map<String, Object>) v)
                : v instanceof List ? List.copyOf(new ArrayList<>((List<Object>) v)) : v));
        return Collections.unmodifiableMap(out);
    }
}
