package apiary.core.admin.internal.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.api.route.ApiError;
import apiary.core.api.user.RoleInfo;

import org.junit.jupiter.api.Test;

class RoleAdminRoutesTest {
    private final Fakes.Roles roles = new Fakes.Roles();
    private final RoleAdminRoutes routes = new RoleAdminRoutes(roles, new Fakes.Permissions());

    private static String error(Runnable call) {
        return assertThrows(ApiError.class, call::run).getMessage();
    }

    @Test
    void aRoleHasOneIdForEveryRoute() {
        routes.AdminAddRole("Power Artists");
        RoleInfo role = roles.find("powerartists").orElseThrow();
        assertEquals("Power Artists", role.name());
        Map<?, ?> listed = (Map<?, ?>) routes.AdminListRoles().get("roles");
        assertTrue(listed.containsKey("powerartists"), "the listing uses the id that edit and delete accept");
        routes.AdminEditRole("powerartists", "d", 5, 4, false, "", "", "fundamental");
        routes.AdminEditRole("Power Artists", "by name", 5, 4, false, "", "", "fundamental");
        assertEquals("by name", roles.find("powerartists").orElseThrow().description());
        assertEquals(Map.of("success", true), routes.AdminDeleteRole("powerartists"));
        assertEquals("No role by that name exists.", error(() -> routes.AdminDeleteRole("powerartists")));
    }

    @Test
    void addRoleValidation() {
        assertEquals("Role name must be at least 3 characters long, A-Z 0-9 only.", error(() -> routes.AdminAddRole("a-b")));
        assertEquals("A role by that name already exists.", error(() -> routes.AdminAddRole("User")));
    }

    @Test
    void editRoleChecksPermissionIdsAndLimits() {
        routes.AdminAddRole("artists");
        assertEquals(Map.of("success", true), routes.AdminEditRole("artists", "Draws.", 3, 2, true, " models/a , models/b ", "bad/", "fundamental, manage_users ,"));
        RoleInfo r = roles.find("artists").orElseThrow();
        assertEquals(List.of("models/a", "models/b"), r.modelWhitelist());
        assertEquals(List.of("bad/"), r.modelBlacklist());
        assertEquals(Set.of("fundamental", "manage_users"), r.permissions());
        assertEquals(3, r.maxOutPathDepth());
        assertEquals(2, r.maxT2ISimultaneous());
        assertTrue(r.allowUnsafeOutpaths());

        assertEquals("Unknown permission 'fundamentl'.", error(() -> routes.AdminEditRole("artists", "", 3, 2, true, "", "", "fundamental,fundamentl")));
        assertEquals(Set.of("fundamental", "manage_users"), roles.find("artists").orElseThrow().permissions(), "nothing half-applied");
        roles.save(roles.find("artists").orElseThrow().withPermissions(Set.of("ext_gone")));
        routes.AdminEditRole("artists", "", 3, 2, true, "", "", "ext_gone,fundamental");
        assertEquals(Set.of("ext_gone", "fundamental"), roles.find("artists").orElseThrow().permissions(),
                "an id the role already holds stays allowed (an extension that is not installed now)");
        assertTrue(error(() -> routes.AdminEditRole("artists", "", -1, 2, true, "", "", "")).contains("must not be negative"));
        assertEquals("No role by that name exists.", error(() -> routes.AdminEditRole("ghost", "", 1, 1, true, "", "", "")));
    }

    @Test
    void roleLimitsAreCheckedAndKeptByAdminEditRole() {
        RoleLimitRoutes limits = new RoleLimitRoutes(roles);
        routes.AdminAddRole("painters");
        assertEquals(Map.of("success", true), limits.AdminSetRoleLimits("Painters", 7, 2.5));
        RoleInfo r = roles.find("painters").orElseThrow();
        assertEquals(7, r.maxQueuedImages());
        assertEquals(2.5, r.schedulingWeight());
        routes.AdminEditRole("painters", "Paint.", 5, 4, false, "", "", "fundamental");
        assertEquals(7, roles.find("painters").orElseThrow().maxQueuedImages(), "SwarmUI's edit keeps Apiary's limits");
        assertEquals("max_queued_images must be between 1 and 1000000.", error(() -> limits.AdminSetRoleLimits("painters", 0, 1)));
        assertEquals("scheduling_weight must be greater than 0 and at most 1000.",
                error(() -> limits.AdminSetRoleLimits("painters", 5, Double.NaN)));
        assertEquals("scheduling_weight must be greater than 0 and at most 1000.", error(() -> limits.AdminSetRoleLimits("painters", 5, 1001)));
        assertEquals("No role by that name exists.", error(() -> limits.AdminSetRoleLimits("ghost", 5, 1)));
        assertEquals(2.5, roles.find("painters").orElseThrow().schedulingWeight(), "a refused change changed nothing");
    }

    @Test
    void builtInRolesCannotBeDeleted() {
        assertEquals("That role is an auto-generated core role and cannot be deleted.", error(() -> routes.AdminDeleteRole("owner")));
    }

    @Test
    void listsHaveSwarmShapes() {
        Map<?, ?> owner = (Map<?, ?>) ((Map<?, ?>) routes.AdminListRoles().get("roles")).get("owner");
        assertEquals(List.of("name", "description", "max_outpath_depth", "is_auto_generated", "model_whitelist", "model_blacklist",
                "permissions", "max_t2i_simultaneous", "allow_unsafe_outpaths", "max_queued_images", "scheduling_weight"),
                List.copyOf(owner.keySet()), "SwarmUI's keys in its order, then Apiary's two limits");
        assertEquals(RoleInfo.DEFAULT_MAX_QUEUED_IMAGES, owner.get("max_queued_images"));
        assertEquals(1.0, owner.get("scheduling_weight"));
        assertEquals(true, owner.get("is_auto_generated"));
        assertEquals(List.of("*"), owner.get("permissions"));
        Map<String, Object> perms = routes.AdminListPermissions();
        assertEquals(List.of("*", "manage_users", "fundamental"), perms.get("ordered"));
        Map<?, ?> manage = (Map<?, ?>) ((Map<?, ?>) perms.get("permissions")).get("manage_users");
        assertEquals("Manage Users", manage.get("name"));
        assertEquals("NOBODY", manage.get("default"));
        assertEquals("UNTESTED", manage.get("safety_level"));
        assertEquals("Admin", ((Map<?, ?>) manage.get("group")).get("name"));
        assertTrue(manage.containsKey("alt_safety_text"));
    }
}
