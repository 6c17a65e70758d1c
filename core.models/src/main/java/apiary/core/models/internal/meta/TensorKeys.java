package apiary.core.models.internal.meta;

import java.util.List;
import java.util.Map;

/** The tensor names and shapes of a safetensors header, for the class predicates. */
public final class TensorKeys {
    private final Map<String, Object> header;
    private final String fileName;

    /**
     * @param header the parsed header (tensor name to {@code {dtype, shape, data_offsets}})
     * @param fileName the model's file name, which a few classes can only be told apart by
     */
    public TensorKeys(Map<String, Object> header, String fileName) {
        this.header = header;
        this.fileName = fileName;
    }

    /** @param key a tensor name @return whether the header has it */
    public boolean has(String key) {
        return header.containsKey(key);
    }

    /** @param keys tensor names @return whether the header has any of them */
    public boolean any(String... keys) {
        for (String k : keys) {
            if (header.containsKey(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param key a tensor name
     * @param index a dimension index; negative counts from the end
     * @return that dimension of the tensor's shape, or -1 when the tensor or dimension is missing
     */
    public long dim(String key, int index) {
        Object info = header.get(key);
        if (!(info instanceof Map)) {
            return -1;
        }
        Object shape = ((Map<?, ?>) info).get("shape");
        if (!(shape instanceof List) || ((List<?>) shape).isEmpty()) {
            return -1;
        }
        List<?> dims = (List<?>) shape;
        int i = index < 0 ? dims.size() + index : index;
        if (i < 0 || i >= dims.size() || !(dims.get(i) instanceof Number)) {
            return -1;
        }
        return ((Number) dims.get(i)).longValue();
    }

    /** @param fragment a piece of a file name @return whether the model's file name contains it */
    public boolean nameContains(String fragment) {
        return fileName.contains(fragment);
    }

    /** @return the tensor names (and {@code __metadata__}) */
    public Iterable<String> names() {
        return header.keySet();
    }
}
