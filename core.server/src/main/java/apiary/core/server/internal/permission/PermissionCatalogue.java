package apiary.core.server.internal.permission;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;

/**
 * An immutable permission catalogue built from the providers' lists in registration order. The first declaration
 * of an id wins; later ones are reported as duplicates. Groups are ordered as SwarmUI orders the core ones
 * (Special, Admin, Backends Admin, Control, Parameters, User), then others in the order they first appear, so the
 * {@code ordered} list does not depend on which bundle happened to start first.
 */
final class PermissionCatalogue {
    private static final List<PermissionGroup> CORE_ORDER = List.of(PermissionGroup.SPECIAL, PermissionGroup.ADMIN,
            PermissionGroup.BACKENDS_ADMIN, PermissionGroup.CONTROL, PermissionGroup.PARAMETERS, PermissionGroup.USER);

    static final PermissionCatalogue EMPTY = new PermissionCatalogue(Map.of(), List.of());

    private final Map<String, PermissionInfo> byId;
    private final List<PermissionInfo> ordered;

    private PermissionCatalogue(Map<String, PermissionInfo> byId, List<PermissionInfo> ordered) {
        this.byId = byId;
        this.ordered = ordered;
    }

    /**
     * @param lists each provider's permissions, oldest provider first
     * @param duplicate told about every id that is declared again
     */
    static PermissionCatalogue build(Collection<List<PermissionInfo>> lists, Consumer<PermissionInfo> duplicate) {
        Map<String, PermissionInfo> byId = new LinkedHashMap<>();
        for (List<PermissionInfo> list : lists) {
            for (PermissionInfo p : list) {
                if (byId.putIfAbsent(p.id(), p) != null) {
                    duplicate.accept(p);
                }
            }
        }
        Map<PermissionGroup, List<PermissionInfo>> grouped = new LinkedHashMap<>();
        for (PermissionGroup g : CORE_ORDER) {
            grouped.put(g, new ArrayList<>());
        }
        for (PermissionInfo p : byId.values()) {
            grouped.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p);
        }
        List<PermissionInfo> ordered = new ArrayList<>(byId.size());
        grouped.values().forEach(ordered::addAll);
        return new PermissionCatalogue(Map.copyOf(byId), List.copyOf(ordered));
    }

    PermissionInfo get(String id) {
        return byId.get(id);
    }

    List<PermissionInfo> ordered() {
        return ordered;
    }
}
