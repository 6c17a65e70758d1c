package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
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
final class ChildContext extends ReportingContext<ChildEntry> implements ChildBackend {
    private static final System.Logger LOG = System.getLogger(ChildContext.class.getName());

    ChildContext(Object lock, Consumer<BackendEntry> changed, ChildEntry child, Map<String, Object> parentSettings) {
        super(lock, changed, child, parentSettings);
    }

    @Override
    public int id() {
        return state.id;
    }

    @Override
    public int parentId() {
        synchronized (lock) {
            return state.parent.id();
        }
    }

    @Override
    boolean live() {
        return state.live();
    }

    @Override
    BackendEntry owner() {
        return state.parent;
    }

    @Override
    String logName() {
        return "Child backend #" + state.id;
    }

    @Override
    boolean showsLoadMessage(BackendStatus status) {
        return status == BackendStatus.LOADING;
    }

    @Override
    void statusChanged(ChildEntry c, BackendStatus status) {
        if (status != BackendStatus.LOADING) {
            c.statusMessage = null;
        }
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
            if (state.closed) {
                return;
            }
            state.closed = true;
            BackendEntry parent = state.parent;
            if (parent.children.remove(state.id) == state) {
                parent.retiredChildren.add(state);
                LOG.log(Level.INFO, "Child backend #{0} of backend #{1} left", state.id, parent.id());
                changed.accept(parent);
            }
        }
    }
}
