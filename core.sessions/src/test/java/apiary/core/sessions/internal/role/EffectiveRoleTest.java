package apiary.core.sessions.internal.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.user.RoleInfo;

import org.junit.jupiter.api.Test;

class EffectiveRoleTest {
    @Test
    void stackedRolesUnionFlagsAndTakeTheLargestLimits() {
        RoleInfo a = RoleInfo.of("a", "A").withPermissions(Set.of("x")).withMaxT2ISimultaneous(4).withMaxOutPathDepth(2);
        RoleInfo b = RoleInfo.of("b", "B").withPermissions(Set.of("y")).withMaxT2ISimultaneous(8).withAllowUnsafeOutpaths(true);
        EffectiveRole r = EffectiveRole.stack(List.of(a, b));
        assertEquals(Set.of("x", "y"), r.permissions());
        assertEquals(8, r.maxT2ISimultaneous());
        assertEquals(5, r.maxOutPathDepth());
        assertTrue(r.allowUnsafeOutpaths());
        assertTrue(r.has("x") && r.has("y") && !r.has("z"));
        assertTrue(EffectiveRole.stack(List.of(a.withPermissions(Set.of("*")))).has("anything"));
        assertEquals(0, EffectiveRole.stack(List.of()).maxT2ISimultaneous());
    }

    @Test
    void modelAccessFollowsSwarmUIRules() {
        RoleInfo white = RoleInfo.of("w", "W").withModelWhitelist(List.of("Official/", "sdxl"));
        RoleInfo black = RoleInfo.of("b", "B").withModelBlacklist(List.of("official/bad"));
        EffectiveRole open = EffectiveRole.stack(List.of(RoleInfo.of("o", "O")));
        assertTrue(open.mayUseModel("anything.safetensors"), "empty whitelist allows");
        EffectiveRole r = EffectiveRole.stack(List.of(white, black));
        assertTrue(r.mayUseModel("OFFICIAL/good.safetensors"), "prefixes match ignoring case");
        assertTrue(r.mayUseModel("sdxl_base.safetensors"));
        assertFalse(r.mayUseModel("Official/Bad_model.safetensors"), "blacklist beats whitelist");
        assertFalse(r.mayUseModel("other/model.safetensors"), "not on the whitelist");
        assertTrue(r.mayUseModel("(none)"), "no model is always allowed");
    }

    @Test
    void defaultLevelsGrantToTheRightBuiltInRoles() {
        assertEquals(List.of("owner"), BuiltInRoles.grantedTo(PermissionLevel.NOBODY));
        assertEquals(List.of("owner", "admin"), BuiltInRoles.grantedTo(PermissionLevel.ADMINS));
        assertEquals(List.of("owner", "admin", "poweruser"), BuiltInRoles.grantedTo(PermissionLevel.POWERUSERS));
        assertEquals(List.of("owner", "admin", "poweruser", "user"), BuiltInRoles.grantedTo(PermissionLevel.USER));
        assertEquals(List.of("owner", "admin", "poweruser", "user", "guest"), BuiltInRoles.grantedTo(PermissionLevel.GUEST));
    }
}
