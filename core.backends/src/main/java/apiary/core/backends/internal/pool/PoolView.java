package apiary.core.backends.internal.pool;

import java.util.List;

/**
 * Every current slot of the {@link BackendPool} at one moment.
 *
 * @param version changes whenever a slot is published or retired (not on claims), so that per-request filter
 *        results computed against one version can be reused until the next
 * @param slots the slots, by entry id
 */
public record PoolView(long version, List<SlotView> slots) {
    /** @return whether any enabled entry is still starting, so a request may yet find a backend */
    public boolean anyStarting() {
        return slots.stream().anyMatch(s -> s.state().starting());
    }
}
