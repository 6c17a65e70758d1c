package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.ChildBackend;
import apiary.core.api.backend.GeneratingBackend;

/**
 * The context of one {@link ChildEntry}: every report changes the child and republishes its parent (which publishes
 * its children), unless the child was closed or its parent's life ended.
 */
final class ChildContext implements ChildBackend {
    private static final System.Logger LOG = System.getLogger(ChildContext.class.getName());

    private final Object lock;
    private final Consumer<BackendEntry> changed;
    private final ChildEntry child;
    private final Map<String, Object> settings;

    ChildContext(Object lock, Consumer<BackendEntry> changed, ChildEntry child, Map<String, Object> parentSettings) {
        this.lock = lock;
        this.changed = changed;
        this.child = child;
        this.settings = parentSettings;
    }

    @Override
    public int id() {
        return child.id;
    }

    @Override
    public int parentId() {
        synchronized (lock) {
            return child.parent.id();
        }
    }

    @Override
    public Map<String, Object> settings() {
        return settings;
    }

    @Override
    public BackendStatus status() {
        synchronized (lock) {
            return child.status;
        }
    }

    @Override
    public void setStatus(BackendStatus status) {
        Reports.status(status);
        update(c -> {
            if (c.status != status) {
                LOG.log(Level.INFO, "Child backend #{0} is now {1}", c.id, status.wireName());
            }
            c.status = status;
            if (status != BackendStatus.LOADING) {
                c.statusMessage = null;
            }
        });
    }

    @Override
    public void setFeatures(Collection<String> features) {
        List<String> copy = Reports.features(features);
        update(c -> c.features = copy);
    }

    @Override
    public void setMaxUsages(int maxUsages) {
        Reports.maxUsages(maxUsages);
        update(c -> c.maxUsages = maxUsages);
    }

    @Override
    public void setCanLoadModels(boolean canLoadModels) {
        update(c -> c.canLoadModels = canLoadModels);
    }

    @Override
    public void setModels(Map<String, List<String>> models) {
        Map<String, List<String>> frozen = Reports.models(models);
        update(c -> c.models = frozen);
    }

    @Override
    public void setCurrentModel(String modelName) {
        update(c -> c.currentModel = modelName);
    }

    @Override
    public void reportLoadStatus(String message) {
        update(c -> {
            if (c.status == BackendStatus.LOADING) {
                c.statusMessage = message;
            }
        });
    }

    @Override
    public void setTitle(String title) {
        update(c -> c.title = title == null ? "" : title);
    }

    @Override
    public void attach(GeneratingBackend instance) {
        Objects.requireNonNull(instance, "instance");
        update(c -> {
            c.instance = instance;
            c.status = BackendStatus.RUNNING;
            c.statusMessage = null;
        });
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (child.closed) {
                return;
            }
            child.closed = true;
            BackendEntry parent = child.parent;
            if (parent.children.remove(child.id) == child) {
                parent.retiredChildren.add(child);
                LOG.log(Level.INFO, "Child backend #{0} of backend #{1} left", child.id, parent.id());
                changed.accept(parent);
            }
        }
    }

    private interface Change {
        void apply(ChildEntry child);
    }

    private void update(Change change) {
        synchronized (lock) {
            if (!child.live()) {
                return;
            }
            change.apply(child);
            changed.accept(child.parent);
        }
    }
}
