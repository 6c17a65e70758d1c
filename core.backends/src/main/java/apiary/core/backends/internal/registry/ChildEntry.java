package apiary.core.backends.internal.registry;

import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GeneratingBackend;
import apiary.core.backends.internal.status.StatusInput;

/**
 * One non-real child of an entry (see {@link apiary.core.api.backend.ChildBackend}): its live state, bound to the
 * parent's life it was created in. Not thread-safe on its own: every access holds the registry's lock.
 */
final class ChildEntry extends ReportedState {
    private static final AtomicInteger NEXT_ID = new AtomicInteger(-1);

    /** Identity in the pool; from the same sequence as the real entries' keys. */
    final long key = BackendEntry.nextKey();
    final int id = NEXT_ID.getAndDecrement();
    final BackendEntry parent;
    final long parentEpoch;
    String title;
    GeneratingBackend instance;
    ChildContext context;
    boolean closed;

    ChildEntry(BackendEntry parent, long parentEpoch, String title) {
        super(BackendStatus.LOADING);
        this.parent = parent;
        this.parentEpoch = parentEpoch;
        this.title = title == null ? "" : title;
    }

    /** @return whether reports may still change it: not closed, and its parent is still in the life it was made in */
    boolean live() {
        return !closed && parent.epoch == parentEpoch;
    }

    StatusInput statusInput() {
        return new StatusInput(parent.stored.enabled(), status, features);
    }

    /**
     * @param parentView the parent's snapshot (its masked settings are shown for the child too)
     * @return the child's snapshot
     */
    BackendDTO toDto(BackendDTO parentView) {
        BackendDTO dto = new BackendDTO();
        dto.id = id;
        dto.type = parentView.type;
        dto.title = title;
        dto.enabled = parentView.enabled;
        fill(dto);
        dto.typeAvailable = parentView.typeAvailable;
        dto.settings = parentView.settings;
        dto.real = false;
        dto.parentId = parent.id();
        return dto;
    }
}
