package apiary.core.backends.internal.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;

/**
 * The installed backend types by id; when several services share an id, the highest-ranked one is in use. Also
 * remembers the services it refused, for the runtime view.
 */
final class BackendTypes {
    /** The whiteboard's name in the runtime view. */
    static final String WHITEBOARD = "backend_types";

    private final Map<String, List<TypeBinding>> byId = new HashMap<>();
    private final Map<Long, RegistrationDTO> refused = new HashMap<>();

    /** Forgets a refused service that left. */
    void forget(long serviceId) {
        refused.remove(serviceId);
    }

    /** Remembers a service that could not be used. */
    void refuse(BackendType service, long serviceId, String reason) {
        RegistrationDTO r = registration("", "", serviceId, service);
        r.reason = reason;
        refused.put(serviceId, r);
    }

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

    /** @return the runtime view: the binding in use per id, the others shadowed by it, and the refused services */
    WhiteboardDTO runtime() {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = WHITEBOARD;
        dto.service = BackendType.class.getName();
        for (String id : new TreeSet<>(byId.keySet())) {
            TypeBinding top = top(id);
            for (TypeBinding b : byId.get(id)) {
                RegistrationDTO r = registration(id, b.info().name(), b.serviceId(), b.service());
                r.ranking = b.ranking();
                if (b == top) {
                    dto.active.add(r);
                } else {
                    r.reason = "shadowed by service " + top.serviceId() + " (ranking " + top.ranking()
                            + "), which offers the same type id";
                    dto.shadowed.add(r);
                }
            }
        }
        dto.refused.addAll(refused.values());
        return dto;
    }

    private static RegistrationDTO registration(String key, String name, long serviceId, BackendType service) {
        RegistrationDTO r = new RegistrationDTO();
        r.key = key;
        r.name = name;
        r.serviceId = serviceId;
        r.implementation = service.getClass().getName();
        return r;
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
