package apiary.core.admin.internal.extensions;

import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Apiary's own extension listing. SwarmUI renders its extension list as HTML on the server; API clients here get
 * it as data, in Apiary's own area so the SwarmUI AdminAPI docs stay as SwarmUI has them.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.APIARY_NAME, description = AdminArea.APIARY_DESCRIPTION)
public final class ExtensionListRoutes implements RouteProvider {
    private final ExtensionManager manager;

    /** @param manager knows the installed, available and failed extensions */
    @Activate
    public ExtensionListRoutes(@Reference ExtensionManager manager) {
        this.manager = manager;
    }

    /** @return installed, available and failed extensions */
    @Route(permission = CorePermissions.MANAGE_EXTENSIONS,
            returns = "\"installed\": [{\"name\": \"hello\", \"version\": \"1.0.0\", \"state\": \"active\", \"reason\": null, ...}], "
                    + "\"available\": [{\"name\": \"banner\", \"version\": \"1.0.0\", ...}], \"failed\": [...], \"repository_errors\": {}",
            description = "Lists the installed extensions with their version, state (active, waiting or failed) and the reason when one "
                    + "does not work, the extensions available from the extension repositories, and the failed ones.")
    public Map<String, Object> ListExtensions() {
        return manager.list();
    }
}
