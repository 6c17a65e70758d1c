package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.backends.internal.status.StatusInput;

/**
 * One configured backend: its persisted fields and its live state. Not thread-safe on its own: every access holds
 * the registry's lock. {@link #epoch} counts starts and stops, so that work begun for an earlier start (an init
 * still running, a context callback of an old instance) recognises itself as stale and changes nothing.
 */
final class BackendEntry extends ReportedState {
    private static final AtomicLong KEYS = new AtomicLong();

    /** Identity for the pool, kept when an edit moves the entry to another id. */
    final long key = nextKey();
    StoredBackend stored;
    TypeBinding type;
    int initAttempts;
    long epoch;
    Backend instance;
    EntryContext context;
    /** The live children of the current life, by id. */
    final Map<Integer, ChildEntry> children = new java.util.TreeMap<>();
    /** Children closed since the last publication, still to be taken out of the pool. */
    final List<ChildEntry> retiredChildren = new ArrayList<>();

    BackendEntry(StoredBackend stored) {
        super(BackendStatus.WAITING);
        this.stored = stored;
    }

    /** @return a new pool key (children take theirs from the same sequence) */
    static long nextKey() {
        return KEYS.incrementAndGet();
    }

    int id() {
        return stored.id();
    }

    /**
     * Begins a new life: forgets the running instance and everything it reported.
     *
     * @return the instance that was running, for the caller to shut down outside the lock; may be {@code null}
     */
    Backend reset() {
        epoch++;
        Backend old = instance;
        instance = null;
        context = null;
        forgetReports();
        initAttempts = 0;
        for (ChildEntry c : children.values()) {
            c.closed = true;
            retiredChildren.add(c);
        }
        children.clear();
        return old;
    }

    StatusInput statusInput() {
        return new StatusInput(stored.enabled(), status, features);
    }

    /**
     * @param typeAvailable whether the entry's type is installed
     * @param settings the settings to show (already masked)
     * @return a snapshot for the API
     */
    BackendDTO toDto(boolean typeAvailable, Map<String, Object> settings) {
        BackendDTO dto = new BackendDTO();
        dto.id = stored.id();
        dto.type = stored.type();
        dto.title = stored.title();
        dto.enabled = stored.enabled();
        fill(dto);
        dto.typeAvailable = typeAvailable;
        dto.settings = settings;
        dto.modcount = stored.modcount();
        return dto;
    }
}
