package apiary.core.backends.internal.pool;

/**
 * A consistent reading of one {@link Slot}, taken under the pool's lock.
 *
 * @param slot the slot, to claim or reserve
 * @param state what the registry last published
 * @param usages claims held right now
 * @param loadReserved whether a model load has reserved it (no new claims)
 * @param lastReleasedMillis when the last claim was released (or taken), 0 when never
 */
public record SlotView(Slot slot, SlotState state, int usages, boolean loadReserved, long lastReleasedMillis) {
    /** @return whether it takes work and has room for one more claim now */
    public boolean free() {
        return state.takesWork() && !loadReserved && usages < state.dto().maxUsages;
    }

    /** @return the entry id */
    public int id() {
        return slot.id();
    }

    /** @return the model loaded on it, or {@code null} */
    public String currentModel() {
        return state.dto().currentModel;
    }
}
