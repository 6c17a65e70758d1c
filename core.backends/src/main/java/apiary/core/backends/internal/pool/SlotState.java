package apiary.core.backends.internal.pool;

import java.util.function.Consumer;

import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.GeneratingBackend;

/**
 * What the registry publishes about one life (epoch) of a backend entry: its snapshot as the API shows it, the
 * instance once it has started, and how to record a model it loaded. Immutable; the registry publishes a new one
 * after every change of the entry.
 *
 * @param key the entry's identity, kept when an edit gives it a new id
 * @param id the entry id
 * @param epoch the entry's life counter; a new epoch is a new instance
 * @param dto the entry's snapshot (settings masked); never changed after publishing
 * @param instance the started instance, or {@code null} while none runs
 * @param currentModelSetter records a model the instance loaded (ignored once the epoch is over)
 */
public record SlotState(long key, int id, long epoch, BackendDTO dto, Backend instance, Consumer<String> currentModelSetter) {
    /** @return the instance, when it renders images */
    public GeneratingBackend generator() {
        return instance instanceof GeneratingBackend ? (GeneratingBackend) instance : null;
    }

    /** @return whether the entry is running, enabled and able to take generations now (SwarmUI's candidates) */
    public boolean takesWork() {
        return dto.enabled && dto.status == BackendStatus.RUNNING && dto.maxUsages > 0 && generator() != null;
    }

    /** @return whether the entry is enabled and still starting, so it may take work later */
    public boolean starting() {
        return dto.enabled && (dto.status == BackendStatus.WAITING || dto.status == BackendStatus.LOADING);
    }
}
