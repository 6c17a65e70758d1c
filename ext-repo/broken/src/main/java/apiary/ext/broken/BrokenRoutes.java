package apiary.ext.broken;

import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Throws when activated, like an extension that finds its configuration missing. */
@Component(service = RouteProvider.class, immediate = true)
public class BrokenRoutes implements RouteProvider {
    /** @throws IllegalStateException always */
    @Activate
    public BrokenRoutes() {
        throw new IllegalStateException("The broken example extension always fails to activate.");
    }

    @Route(permission = CorePermissions.FUNDAMENTAL, description = "Never served: the component never activates.")
    public Map<String, Object> BrokenHello() {
        return Map.of();
    }
}
