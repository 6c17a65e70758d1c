package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
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
final class EntryContext extends ReportingContext<BackendEntry> {
    private static final System.Logger LOG = System.getLogger(EntryContext.class.getName());

    private final long epoch;
    private final int id;

    EntryContext(Object lock, Consumer<BackendEntry> changed, BackendEntry entry, long epoch, Map<String, Object> settings) {
        super(lock, changed, entry, deepUnmodifiable(settings));
        this.epoch = epoch;
        this.id = entry.id();
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    boolean live() {
        return state.epoch == epoch;
    }

    @Override
    BackendEntry owner() {
        return state;
    }

    @Override
    String logName() {
        return "Backend #" + id;
    }

    @Override
    boolean showsLoadMessage(BackendStatus status) {
        return status == BackendStatus.WAITING || status == BackendStatus.LOADING;
    }

    @Override
    public ChildBackend addChild(String title) {
        synchronized (lock) {
            ChildEntry child = new ChildEntry(state, epoch, title);
            child.context = new ChildContext(lock, changed, child, settings());
            if (child.live()) {
                state.children.put(child.id, child);
                LOG.log(Level.INFO, "Backend #{0} added child backend #{1} ''{2}''", id, child.id, child.title);
                changed.accept(state);
            } else {
                child.closed = true; // an old instance: the child is inert
            }
            return child.context;
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
