package apiary.ext.hello;

import java.util.Map;

import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;

import org.osgi.service.component.annotations.Component;

/** The extension's only route. */
@Component(service = RouteProvider.class)
@RouteArea(value = "HelloExtension", description = "Greets people.")
public class HelloRoutes implements RouteProvider {
    @Route(permission = HelloPermissions.USE, description = "Says hello.", returns = "\"greeting\": \"Hello, you!\"")
    public Map<String, Object> Hello(@Param(description = "Who to greet.", defaultValue = "world") String name) {
        return Map.of("greeting", "Hello, " + name + "!");
    }
}
