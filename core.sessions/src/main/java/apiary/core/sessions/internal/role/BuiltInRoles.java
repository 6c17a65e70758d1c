package apiary.core.sessions.internal.role;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;

/** The five roles that always exist, and which of them a permission's default level grants it to. */
final class BuiltInRoles {
    /** In SwarmUI's order, most privileged first. */
    static final List<String> IDS = List.of(RoleStore.OWNER, RoleStore.ADMIN, RoleStore.POWERUSER, RoleStore.USER,
            RoleStore.GUEST);

    private static final String PREFIX = "(Auto Generated Role, cannot delete). ";

    private BuiltInRoles() {
    }

    static boolean isBuiltIn(String id) {
        return IDS.contains(id);
    }

    /** @return a fresh built-in role with no permissions */
    static RoleInfo create(String id) {
        return describe(id).withBuiltIn(true);
    }

    private static RoleInfo describe(String id) {
        switch (id) {
            case RoleStore.OWNER:
                return RoleInfo.of(id, "Owner").withDescription(PREFIX + "The server owner: may do everything.");
            case RoleStore.ADMIN:
                return RoleInfo.of(id, "Admin").withDescription(PREFIX + "Administrators: near-total control of the server.");
            case RoleStore.POWERUSER:
                return RoleInfo.of(id, "PowerUser").withDescription(PREFIX + "Trusted users with advanced features.");
            case RoleStore.USER:
                return RoleInfo.of(id, "User").withDescription(PREFIX + "Regular registered users.");
            case RoleStore.GUEST:
                return RoleInfo.of(id, "Guest").withDescription(PREFIX + "Unverified accounts with minimal access.");
            default:
                throw new IllegalArgumentException("Not a built-in role: " + id);
        }
    }

    /**
     * @param level a permission's default level
     * @return the built-in roles that receive it: NOBODY the owner, each further level one more role
     */
    static List<String> grantedTo(PermissionLevel level) {
        int count = level.ordinal() + 1;
        return new ArrayList<>(IDS.subList(0, Math.min(count, IDS.size())));
    }
}
