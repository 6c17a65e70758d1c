package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;

/** The installed backend types by id; when several services share an id, the highest-ranked one is in use. */
final class BackendTypes {
    private final Map<String, List<TypeBinding>> byId = new HashMap<>();

    /** @return whether the binding in use for its id changed */
    boolean add(TypeBinding binding) {
        TypeBinding before = top(binding.info().id());
        byId.computeIfAbsent(binding.info().id(), k -> new ArrayList<>()).add(binding);
        return before != top(binding.info().id());
    }

    /**
     * @param service a service being unregistered
     * @return the binding it had, or {@code null} when it was never added
     */
    TypeBinding remove(BackendType service) {
        for (List<TypeBinding> list : byId.values()) {
            for (TypeBinding b : list) {
                if (b.service() == service) {
                    list.remove(b);
                    if (list.isEmpty()) {
                        byId.remove(b.info().id());
                    }
                    return b;
                }
            }
        }
        return null;
    }

    /** @return the binding in use for a type id, or {@code null} when none is installed */
    TypeBinding top(String typeId) {
        TypeBinding best = null;
        for (TypeBinding b : byId.getOrDefault(typeId, List.of())) {
            if (best == null || b.outranks(best)) {
                best = b;
            }
        }
        return best;
    }

    /** @return the descriptions of the types in use, by id */
    List<BackendTypeInfo> infos() {
        List<BackendTypeInfo> out = new ArrayList<>();
        for (String id : byId.keySet()) {
            out.add(top(id).info());
        }
        out.sort(Comparator.comparing(BackendTypeInfo::id));
        return out;
    }
}
