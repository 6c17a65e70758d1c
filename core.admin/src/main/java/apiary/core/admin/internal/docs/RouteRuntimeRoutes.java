package apiary.core.admin.internal.docs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.RouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Apiary's own addition: the route registry explaining itself, so an admin can see which bundle serves each route
 * and why a registration is not served (unknown permission, bad signature, or shadowed by a higher-ranked one).
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.APIARY_NAME, description = AdminArea.APIARY_DESCRIPTION)
public final class RouteRuntimeRoutes implements RouteProvider {
    private final BundleContext context;

    /** @param context this bundle's context, to read the route registry (see {@link RouteRuntimes}) */
    @Activate
    public RouteRuntimeRoutes(BundleContext context) {
        this.context = context;
    }

    /** @return the registered, refused and shadowed routes */
    @Route(permission = CorePermissions.ADMIN_DEBUG,
            description = "Lists every API route registration: the routes served (with the bundle that serves each), the "
                    + "registrations refused (unknown permission or unusable signature) and those shadowed by a "
                    + "higher-ranked registration of the same name, each with its bundle, reason and handler (the Java class "
                    + "and method that implement it).",
            returns = "    \"registered\": [ { \"name\": \"ListModels\", \"area\": \"ModelsAPI\", \"kind\": \"HTTP\", \"permission\": \"fundamental_model_access\", "
                    + "\"bundle\": \"core.models\", \"bundle_id\": 7, \"service_id\": 42, \"ranking\": 0, "
                    + "\"handler\": \"apiary.core.models.internal.routes.ModelRoutes#ListModels\" } ],\n"
                    + "    \"refused\": [ { \"name\": \"...\", \"area\": \"...\", \"reason\": \"UNKNOWN_PERMISSION\", \"detail\": \"...\", \"bundle\": \"...\", \"bundle_id\": 9, \"service_id\": 50, \"handler\": \"...\" } ],\n"
                    + "    \"shadowed\": [ { same fields as refused, reason SHADOWED } ]")
    public Map<String, Object> AdminListRoutes() {
        RouteRuntimeDTO snapshot = RouteRuntimes.snapshot(context);
        List<Map<String, Object>> registered = new ArrayList<>();
        for (RouteDTO r : snapshot.routes) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", r.name);
            e.put("area", r.area);
            e.put("kind", r.webSocket ? "WebSocket" : "HTTP");
            e.put("permission", r.sessionless ? null : r.permission);
            e.put("bundle", r.bundleSymbolicName);
            e.put("bundle_id", r.bundleId);
            e.put("service_id", r.serviceId);
            e.put("ranking", r.ranking);
            e.put("handler", handler(r.handlerClass, r.handlerMethod));
            registered.add(e);
        }
        List<Map<String, Object>> refused = new ArrayList<>();
        List<Map<String, Object>> shadowed = new ArrayList<>();
        for (FailedRouteDTO f : snapshot.failed) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", f.name);
            e.put("area", f.area);
            e.put("reason", f.reason);
            e.put("detail", f.detail);
            e.put("bundle", f.bundleSymbolicName);
            e.put("bundle_id", f.bundleId);
            e.put("service_id", f.serviceId);
            e.put("handler", handler(f.handlerClass, f.handlerMethod));
            (FailedRouteDTO.SHADOWED.equals(f.reason) ? shadowed : refused).add(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("registered", registered);
        out.put("refused", refused);
        out.put("shadowed", shadowed);
        return out;
    }

    /** {@code apiary.ext.hello.HelloRoutes#Hello}: the class and method to open; {@code null} when unknown. */
    static String handler(String className, String method) {
        return className == null ? null : className + "#" + method;
    }
}
