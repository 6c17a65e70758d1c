package apiary.core.server.internal.permission;

import java.util.List;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/**
 * SwarmUI's "Special" permissions: server-wide powers that are not meant to be granted to ordinary roles. They
 * belong to no single area, so the core declares them.
 */
@Component
public final class SpecialPermissions implements PermissionProvider {
    @Override
    public List<PermissionInfo> permissions() {
        PermissionGroup g = PermissionGroup.SPECIAL;
        return List.of(
                PermissionInfo.of(PermissionRegistry.ALL, "Full Control", "Allows full control over everything. A magic wildcard to bypass all permission checks.", PermissionLevel.NOBODY, g).withSafety(SafetyLevel.POWERFUL),
                PermissionInfo.of(CorePermissions.LOCAL_IMAGE_FOLDER, "Local Image Folder", "Allows the user to open the local image folder on the server machine.", PermissionLevel.NOBODY, g).withSafety(SafetyLevel.POWERFUL),
                PermissionInfo.of(CorePermissions.INSTALL, "Install", "Allows the user to run the first-time installer.", PermissionLevel.NOBODY, g).withSafety(SafetyLevel.POWERFUL),
                PermissionInfo.of(CorePermissions.SERVER_DEBUG_MESSAGE, "Server Debug Message", "Allows the user to write debug messages into the server log.", PermissionLevel.NOBODY, g).withSafety(SafetyLevel.SAFE),
                PermissionInfo.of(CorePermissions.AUTOMATED_CONTROL, "Automated Control", "Allows the user to act as a remote controller of the server.", PermissionLevel.NOBODY, g).withSafety(SafetyLevel.POWERFUL));
    }
}
