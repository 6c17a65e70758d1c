package apiary.itest.sessions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Hashtable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.session.User;
import apiary.core.api.user.RoleInfo;

import org.junit.Test;
import org.osgi.framework.ServiceRegistration;

/** The role store: built-in roles, default grants tracked once, stacked roles and model lists. */
public class RolesIT extends SessionsTestSupport {
    private static final List<String> BUILT_IN = List.of("owner", "admin", "poweruser", "user", "guest");

    @Test
    public void fiveBuiltInRolesWithSwarmUIFieldsThatCannotBeDeleted() {
        assertEquals(BUILT_IN, roles.roles().subList(0, 5).stream().map(RoleInfo::id).toList());
        assertEquals(List.of("Owner", "Admin", "PowerUser", "User", "Guest"), roles.roles().subList(0, 5).stream().map(RoleInfo::name).toList());
        for (String id : BUILT_IN) {
            RoleInfo r = roles.find(id).orElseThrow();
            assertTrue(r.builtIn());
            assertTrue(r.description().startsWith("(Auto Generated Role, cannot delete)."));
            assertEquals(5, r.maxOutPathDepth());
            assertEquals(32, r.maxT2ISimultaneous());
            assertFalse(r.allowUnsafeOutpaths());
            try {
                roles.delete(id);
                fail("built-in role deleted: " + id);
            } catch (IllegalArgumentException expected) {
                // refused
            }
        }
        assertTrue(roles.find("owner").orElseThrow().permissions().contains("*"));
        assertFalse(roles.delete("no_such_role"));
    }

    @Test
    public void defaultGrantsFollowEachPermissionsLevel() {
        assertHeldBy("fundamental", BUILT_IN);
        assertHeldBy("read_user_settings", BUILT_IN);
        assertHeldBy("basic_image_generation", List.of("owner", "admin", "poweruser", "user"));
        assertHeldBy("view_server_tab", List.of("owner", "admin", "poweruser"));
        assertHeldBy("restart", List.of("owner", "admin"));
        assertHeldBy("shutdown", List.of("owner"));
        assertHeldBy("manage_users", List.of("owner"));
    }

    private void assertHeldBy(String permission, List<String> holders) {
        for (String id : BUILT_IN) {
            assertEquals(permission + " in " + id, holders.contains(id), roles.find(id).orElseThrow().permissions().contains(permission));
        }
    }

    @Test
    public void laterPermissionsAreGrantedOnceSoAdminEditsStick() throws Exception {
        String perm = unique("itperm_");
        PermissionProvider provider = () -> List.of(PermissionInfo.of(perm, "It Perm", "Test.", PermissionLevel.USER, PermissionGroup.USER));
        ServiceRegistration<PermissionProvider> reg = context.registerService(PermissionProvider.class, provider, new Hashtable<>());
        try {
            waitUntil(() -> roles.find("user").orElseThrow().permissions().contains(perm));
            assertHeldBy(perm, List.of("owner", "admin", "poweruser", "user"));
            RoleInfo user = roles.find("user").orElseThrow();
            Set<String> without = new LinkedHashSet<>(user.permissions());
            without.remove(perm);
            roles.save(user.withPermissions(without));
            reg.unregister();
            reg = context.registerService(PermissionProvider.class, provider, new Hashtable<>());
            Thread.sleep(200);
            assertHeldBy(perm, List.of("owner", "admin", "poweruser"));
        } finally {
            reg.unregister();
            for (String id : BUILT_IN) {
                RoleInfo r = roles.find(id).orElseThrow();
                Set<String> cleaned = new LinkedHashSet<>(r.permissions());
                cleaned.remove(perm);
                roles.save(r.withPermissions(cleaned));
            }
        }
    }

    @Test
    public void stackedRolesUnionAndFollowEditsAtOnce() {
        String roleId = unique("itrole_");
        String userId = unique("itstack");
        roles.save(RoleInfo.of(roleId, "It Role").withPermissions(Set.of("manage_presets"))
                .withModelWhitelist(List.of("Allowed/")).withMaxT2ISimultaneous(3));
        try {
            User u = users.create(userId, null, List.of("guest", roleId, "unknown_role"), true);
            assertEquals(List.of("guest", roleId, "unknown_role"), u.roles());
            assertTrue(u.hasPermission("manage_presets"));
            assertTrue(u.hasPermission("fundamental"));
            assertFalse(u.hasPermission("basic_image_generation"));
            assertEquals(32, u.maxT2ISimultaneous());
            assertTrue(u.mayUseModel("allowed/model.safetensors"));
            assertFalse(u.mayUseModel("Other/model.safetensors"));
            roles.save(roles.find(roleId).orElseThrow().withPermissions(Set.of("edit_params")).withModelBlacklist(List.of("allowed/bad")));
            assertFalse("role edits reach the loaded user at once", u.hasPermission("manage_presets"));
            assertTrue(u.hasPermission("edit_params"));
            assertFalse(u.mayUseModel("Allowed/bad.safetensors"));
            users.changeSettings(userId, java.util.Map.of("roles", List.of("user")), true);
            assertEquals(List.of("user"), u.roles());
            assertTrue(u.hasPermission("basic_image_generation"));
            assertTrue(u.mayUseModel("Other/model.safetensors"));
        } finally {
            users.delete(userId);
            roles.delete(roleId);
        }
        assertTrue(roles.find(roleId).isEmpty());
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("condition not reached within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
