package apiary.core.admin.internal;

import java.util.List;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/** SwarmUI's "Admin" permissions: server administration. */
@Component
public final class AdminPermissions implements PermissionProvider {
    @Override
    public List<PermissionInfo> permissions() {
        return List.of(
                admin(CorePermissions.CONFIGURE_ROLES, "Configure Roles", "Allows access to role configuration.", PermissionLevel.NOBODY, SafetyLevel.POWERFUL),
                admin(CorePermissions.MANAGE_USERS, "Manage Users", "Allows adding, editing and deleting users, including impersonating them.", PermissionLevel.NOBODY, SafetyLevel.POWERFUL),
                admin(CorePermissions.INTERRUPT_OTHERS, "Interrupt Others", "Allows interrupting other users' generations.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL),
                admin(CorePermissions.SHUTDOWN, "Shutdown Server", "Allows shutting the server down.", PermissionLevel.NOBODY, SafetyLevel.SAFE),
                admin(CorePermissions.RESTART, "Restart Server", "Allows restarting and updating the server.", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.READ_SERVER_SETTINGS, "Read Server Settings", "Allows reading the server settings.", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.EDIT_SERVER_SETTINGS, "Edit Server Settings", "Allows changing the server settings.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL),
                admin(CorePermissions.VIEW_LOGS, "View Server Logs", "Allows viewing the server logs.", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.READ_SERVER_INFO_PANELS, "Read Server Info Panels", "Allows reading server status panels (resources, connected users).", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.ADMIN_DEBUG, "Admin Debug APIs", "Allows the admin debug routes.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL),
                admin(CorePermissions.MANAGE_EXTENSIONS, "Manage Extensions", "Allows installing, updating and removing extensions.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL),
                admin(CorePermissions.VIEW_WHITEBOARDS, "View Whiteboards", "Allows reading what every whiteboard (permissions, settings, backend types, web files, parameters, routes) serves, shadows and refuses.", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.VIEW_OTHERS_OUTPUTS, "View Others Outputs", "Allows viewing other users' outputs.", PermissionLevel.ADMINS, SafetyLevel.SAFE),
                admin(CorePermissions.VIEW_SERVER_TAB, "View Server Tab", "Allows seeing the Server tab.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE));
    }

    private static PermissionInfo admin(String id, String name, String description, PermissionLevel level, SafetyLevel safety) {
        return PermissionInfo.of(id, name, description, level, PermissionGroup.ADMIN).withSafety(safety);
    }
}
