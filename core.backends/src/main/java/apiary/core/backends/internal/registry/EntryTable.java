package apiary.core.backends.internal.registry;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.RefreshableBackend;
import apiary.core.backends.internal.pool.BackendPool;
import apiary.core.backends.internal.pool.SlotState;
import apiary.core.backends.internal.pool.SlotView;
import apiary.core.backends.internal.status.StatusInput;

/**
 * The configured entries and their life cycle: persisted before every change returns, started and stopped through
 * the {@link BackendLifecycle}, published to the {@link BackendPool} after every change. Every mutation follows one
 * pattern: change the table under the lock, collect the {@link Handover}s, finish them after the lock is released.
 */
final class EntryTable {
    private static final System.Logger LOG = System.getLogger(EntryTable.class.getName());

    private final Object lock;
    private final BackendStore store;
    private final BackendPool pool;
    private final Function<String, TypeBinding> types;
    private final Map<Integer, BackendEntry> entries = new TreeMap<>();
    private BackendLifecycle lifecycle;
    private int nextId;
    private boolean active;

    /**
     * @param lock the registry lock
     * @param store the database table; its entries are loaded here
     * @param pool where entry states are published
     * @param types the type binding in use for a type id, or {@code null} (called with the lock held)
     */
    EntryTable(Object lock, BackendStore store, BackendPool pool, Function<String, TypeBinding> types) {
        this.lock = lock;
        this.store = store;
        this.pool = pool;
        this.types = types;
        for (StoredBackend b : store.loadAll()) {
            entries.put(b.id(), new BackendEntry(b));
            nextId = Math.max(nextId, b.id() + 1);
        }
    }

    /** @param lifecycle the life cycle driving the entries (set once, before {@link #activate}) */
    void useLifecycle(BackendLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Publishes an entry's state, unless it has been removed or the table is stopping. Lock held. */
    void publishLocked(BackendEntry e) {
        for (ChildEntry gone : e.retiredChildren) {
            pool.retire(gone.key); // its running jobs keep their lease on the instance and finish
        }
        e.retiredChildren.clear();
        if (!active || entries.get(e.id()) != e) {
            return;
        }
        EntryContext ctx = e.context;
        BackendDTO parent = BackendViews.dto(e, e.type);
        pool.publish(new SlotState(e.key, e.id(), e.epoch, parent, e.instance,
                ctx == null ? model -> { } : ctx::setCurrentModel));
        for (ChildEntry c : e.children.values()) {
            pool.publish(new SlotState(c.key, c.id, 0, c.toDto(parent), c.instance, c.context::setCurrentModel));
        }
    }

    private interface Change<T> {
        T apply(List<Handover> handovers);
    }

    /** Runs a change under the lock, then finishes what it restarted or stopped, letting running jobs finish. */
    private <T> T change(Change<T> body, boolean letJobsFinish) {
        List<Handover> handovers = new ArrayList<>();
        T result;
        synchronized (lock) {
            result = body.apply(handovers);
        }
        handovers.forEach(h -> lifecycle.finish(h, letJobsFinish));
        return result;
    }

    /** Starts every stored entry. */
    int activate() {
        return change(h -> {
            active = true;
            for (BackendEntry e : entries.values()) {
                startLocked(e, h);
            }
            return entries.size();
        }, false);
    }

    /** Stops every instance at once and closes the life cycle. */
    void deactivate() {
        List<Runnable> draining = change(h -> {
            active = false; // first, so that the stopped entries are not published again
            List<Runnable> pending = lifecycle.closeLocked();
            for (BackendEntry e : entries.values()) {
                h.add(lifecycle.stopLocked(e));
            }
            return pending;
        }, false);
        draining.forEach(Runnable::run);
    }

    /** Restarts every entry of a type whose binding changed; the old instances stop at once (their type left). */
    void restartType(String typeId) {
        change(h -> {
            for (BackendEntry e : entries.values()) {
                if (e.stored.type().equals(typeId)) {
                    startLocked(e, h);
                }
            }
            return null;
        }, false);
    }

    private void startLocked(BackendEntry e, List<Handover> handovers) {
        if (active) {
            handovers.add(lifecycle.startLocked(e, types.apply(e.stored.type())));
        }
    }

    List<BackendDTO> dtos() {
        synchronized (lock) {
            List<BackendDTO> out = new ArrayList<>();
            for (BackendEntry e : entries.values()) {
                BackendDTO parent = dto(e);
                out.add(parent);
                for (ChildEntry c : e.children.values()) {
                    out.add(childDto(c, parent));
                }
            }
            out.sort(Comparator.comparingInt(b -> b.id));
            return out;
        }
    }

    Optional<BackendDTO> dto(int id) {
        synchronized (lock) {
            BackendEntry e = entries.get(id);
            if (e != null) {
                return Optional.of(dto(e));
            }
            for (BackendEntry p : entries.values()) {
                ChildEntry c = p.children.get(id);
                if (c != null) {
                    return Optional.of(childDto(c, dto(p)));
                }
            }
            return Optional.empty();
        }
    }

    /** @return the running instances that can refresh their lists */
    List<RefreshableBackend> refreshable() {
        synchronized (lock) {
            List<RefreshableBackend> out = new ArrayList<>();
            for (BackendEntry e : entries.values()) {
                if (e.status == BackendStatus.RUNNING && e.instance instanceof RefreshableBackend) {
                    out.add((RefreshableBackend) e.instance);
                }
            }
            return out;
        }
    }

    List<StatusInput> statusInputs() {
        synchronized (lock) {
            List<StatusInput> inputs = new ArrayList<>();
            for (BackendEntry e : entries.values()) {
                inputs.add(e.statusInput());
                e.children.values().forEach(c -> inputs.add(c.statusInput()));
            }
            return inputs;
        }
    }

    BackendDTO add(String typeId, String title, Map<String, Object> given) {
        if (typeId == null || typeId.isBlank() || typeId.length() > BackendStore.MAX_TYPE_ID) {
            throw new IllegalArgumentException("A backend type is required.");
        }
        checkTitle(title);
        return change(h -> {
            TypeBinding type = types.apply(typeId);
            Map<String, Object> values = type == null ? new LinkedHashMap<>(given)
                    : BackendSettings.resolve(type.info().settings(), given);
            // Ids are unique across the nodes sharing the database: another front end may have taken ours meanwhile.
            int id = Math.max(nextId, store.nextFreeId());
            StoredBackend stored = new StoredBackend(id, typeId, title == null ? "" : title, true, values, 0);
            store.insert(stored);
            nextId = id + 1;
            BackendEntry e = new BackendEntry(stored);
            entries.put(stored.id(), e);
            startLocked(e, h);
            LOG.log(Level.INFO, "Added backend #{0} of type ''{1}''", stored.id(), typeId);
            return dto(e);
        }, true);
    }

    BackendDTO edit(int id, int newId, String title, Map<String, Object> changes) {
        return change(h -> {
            BackendEntry e = existing(id);
            checkTitle(title);
            int targetId = newId >= 0 ? newId : id;
            if (targetId != id && (entries.containsKey(targetId) || store.idTaken(targetId))) {
                throw new IllegalArgumentException("Backend ID " + targetId + " is already in use.");
            }
            StoredBackend s = e.stored;
            TypeBinding type = types.apply(s.type());
            Map<String, Object> values = type == null ? BackendSettings.mergeUntyped(s.settings(), changes)
                    : BackendSettings.merge(type.info().settings(), s.settings(), changes);
            StoredBackend next = new StoredBackend(targetId, s.type(), title == null ? s.title() : title, s.enabled(),
                    values, s.modcount() + 1);
            if (targetId != id) {
                store.move(id, next);
                entries.remove(id);
                entries.put(targetId, e);
                nextId = Math.max(nextId, targetId + 1);
            } else {
                store.save(next);
            }
            e.stored = next;
            startLocked(e, h);
            return dto(e);
        }, true);
    }

    boolean remove(int id) {
        boolean removed = change(h -> {
            BackendEntry e = entries.remove(id);
            if (e == null) {
                return false;
            }
            store.delete(id);
            h.add(lifecycle.stopLocked(e));
            return true;
        }, true);
        if (removed) {
            LOG.log(Level.INFO, "Deleted backend #{0}", id);
        }
        return removed;
    }

    boolean setEnabled(int id, boolean enabled) {
        return change(h -> {
            BackendEntry e = existing(id);
            StoredBackend s = e.stored;
            if (s.enabled() == enabled) {
                return false;
            }
            e.stored = new StoredBackend(s.id(), s.type(), s.title(), enabled, s.settings(), s.modcount());
            store.save(e.stored);
            startLocked(e, h);
            return true;
        }, true);
    }

    boolean restart(int id) {
        return change(h -> {
            BackendEntry e = entries.get(id);
            if (e == null) {
                return false;
            }
            startLocked(e, h);
            return true;
        }, true);
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

    private BackendDTO childDto(ChildEntry c, BackendDTO parent) {
        BackendDTO dto = c.toDto(parent);
        SlotView live = pool.viewOf(c.id);
        if (live != null) {
            dto.usages = live.usages();
            dto.lastReleasedMillis = live.lastReleasedMillis();
        }
        return dto;
    }

    private BackendDTO dto(BackendEntry e) {
        BackendDTO dto = BackendViews.dto(e, e.type);
        SlotView live = pool.viewOf(e.id());
        if (live != null) {
            dto.usages = live.usages();
            dto.lastReleasedMillis = live.lastReleasedMillis();
        }
        return dto;
    }
}
