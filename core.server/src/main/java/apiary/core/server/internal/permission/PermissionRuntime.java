package apiary.core.server.internal.permission;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;

/**
 * The permission whiteboard's runtime view, read from the registry's own decisions: a declaration is active when
 * the catalogue holds exactly it, shadowed when the catalogue holds an earlier declaration of the same id.
 */
final class PermissionRuntime {
    /** The whiteboard's name in the runtime view. */
    static final String NAME = "permissions";

    private PermissionRuntime() {
    }

    /**
     * @param declarations each provider's permissions by service id, in the order the catalogue was built from
     * @param implementations each provider's class by service id
     * @param refused why a provider's declarations were not taken, by service id
     * @param catalogue the catalogue built from {@code declarations}
     */
    static WhiteboardDTO snapshot(Map<Long, List<PermissionInfo>> declarations, Map<Long, String> implementations,
            Map<Long, String> refused, PermissionCatalogue catalogue) {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = NAME;
        dto.service = PermissionProvider.class.getName();
        Map<String, Long> owners = new HashMap<>();
        for (Map.Entry<Long, List<PermissionInfo>> e : declarations.entrySet()) {
            for (PermissionInfo p : e.getValue()) {
                if (catalogue.get(p.id()) == p) {
                    owners.putIfAbsent(p.id(), e.getKey());
                }
            }
        }
        for (Map.Entry<Long, List<PermissionInfo>> e : declarations.entrySet()) {
            for (PermissionInfo p : e.getValue()) {
                RegistrationDTO r = registration(p.id(), p.displayName(), e.getKey(), implementations.get(e.getKey()));
                if (e.getKey().equals(owners.get(p.id()))) {
                    dto.active.add(r);
                } else {
                    r.reason = "permission '" + p.id() + "' is already declared by service " + owners.get(p.id())
                            + "; the first declaration stays";
                    dto.shadowed.add(r);
                }
            }
        }
        for (Map.Entry<Long, String> e : refused.entrySet()) {
            RegistrationDTO r = registration("", "", e.getKey(), implementations.get(e.getKey()));
            r.reason = e.getValue();
            dto.refused.add(r);
        }
        dto.active.sort(Comparator.comparing((RegistrationDTO r) -> r.key));
        return dto;
    }

    private static RegistrationDTO registration(String key, String name, long serviceId, String implementation) {
        RegistrationDTO r = new RegistrationDTO();
        r.key = key;
        r.name = name;
        r.serviceId = serviceId;
        r.implementation = implementation;
        return r;
    }
}
