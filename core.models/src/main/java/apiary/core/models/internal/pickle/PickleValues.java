package apiary.core.models.internal.pickle;

import java.util.List;

/** The few non-plain values the restricted reader builds: references to whitelisted names, storages and tensors. */
final class PickleValues {
    private PickleValues() {
    }

    /** A {@code GLOBAL} that passed the whitelist, e.g. {@code torch._utils._rebuild_tensor_v2}. */
    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A persistent id {@code ('storage', type, key, location, numel)}: raw bytes in {@code data/<key>}. */
    record Storage(String dtype, int elementSize, String key, long numel) {
    }

    /**
     * A tensor view of a storage.
     *
     * @param storage the storage
     * @param offset the offset in elements
     * @param shape the sizes
     * @param stride the strides in elements
     */
    record Tensor(Storage storage, long offset, List<Long> shape, List<Long> stride) {
    }

    /** Python's mark on the stack. */
    static final Object MARK = new Object();
}
