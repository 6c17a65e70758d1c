package apiary.core.admin.internal.extensions;

import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The AdminAPI routes that manage extensions and updates. Unlike SwarmUI, install, update and uninstall take
 * effect at once, with no rebuild and no restart; UpdateAndRestart is the one that restarts.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class ExtensionRoutes implements RouteProvider {
    private final ExtensionManager manager;

    /** @param manager does the work */
    @Activate
    public ExtensionRoutes(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    /** @return success, or why the extension was not installed */
    @Route(permission = CorePermissions.MANAGE_EXTENSIONS, userUpdate = true, returns = "\"success\": true",
            description = "Installs an extension from the known extensions list. Does not trigger a restart. Does signal required rebuild.")
    public Map<String, Object> InstallExtension(
            @Param(description = "The name of the extension to install, from the known extensions list.") String extensionName) {
        manager.install(extensionName);
        return Map.of("success", true);
    }

    /** @return success, or why the extension was not uninstalled */
    @Route(permission = CorePermissions.MANAGE_EXTENSIONS, userUpdate = true, returns = "\"success\": true",
            description = "Triggers an extension uninstallation for an installed extension. Does not trigger a restart. Does signal required rebuild.")
    public Map<String, Object> UninstallExtension(
            @Param(description = "The name of the extension to uninstall.") String extensionName) {
        manager.uninstall(extensionName);
        return Map.of("success", true);
    }

    /** @return whether a newer version was installed */
    @Route(permission = CorePermissions.MANAGE_EXTENSIONS, userUpdate = true,
            returns = "\"success\": true // or false if no update available",
            description = "Triggers an extension update for an installed extension. Does not trigger a restart. Does signal required rebuild.")
    public Map<String, Object> UpdateExtension(
            @Param(description = "The name of the extension to update.") String extensionName) {
        return Map.of("success", manager.update(extensionName));
    }

    /** @return the updates the repository indexes offer */
    @Route(permission = CorePermissions.RESTART,
            returns = "\"server_updates_count\": 0, \"server_updates_preview\": [\"name1\", ..., \"name6\"], "
                    + "\"extension_updates\": [\"name1\", ...], \"backend_updates\": [\"name1\", ...]",
            description = "Do a scan for any available updates to SwarmUI, extensions, or backends.")
    public Map<String, Object> CheckForUpdates() {
        return manager.checkForUpdates();
    }

    /** @return whether an update was applied; the server restarts after answering */
    @Route(permission = CorePermissions.RESTART, userUpdate = true,
            returns = "\"success\": true, \"result\": \"No changes found.\"",
            description = "Causes swarm to update, then close and restart itself. If there's no update to apply, won't restart.")
    public Map<String, Object> UpdateAndRestart(
            @Param(description = "True to also update any extensions.", defaultValue = "False") boolean updateExtensions,
            @Param(description = "True to also update any backends.", defaultValue = "False") boolean updateBackends,
            @Param(description = "True to always rebuild and restart even if there's no visible update.", defaultValue = "False") boolean force) {
        return manager.updateAndRestart(updateExtensions, updateBackends, force);
    }
}
