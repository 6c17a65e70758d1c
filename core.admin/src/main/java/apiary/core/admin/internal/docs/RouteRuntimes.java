package apiary.core.admin.internal.docs;

import apiary.core.api.route.ApiError;
import apiary.core.api.route.RouteRuntime;
import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Reads the route registry when a route runs. Route providers cannot hold a reference to the registry: the registry
 * activates them when it binds them, so a reference back would be a service cycle.
 */
final class RouteRuntimes {
    private RouteRuntimes() {
    }

    static RouteRuntimeDTO snapshot(BundleContext context) {
        ServiceReference<RouteRuntime> ref = context.getServiceReference(RouteRuntime.class);
        RouteRuntime runtime = ref == null ? null : context.getService(ref);
        if (runtime == null) {
            throw new ApiError("The route registry is not available right now.");
        }
        try {
            return runtime.snapshot();
        } finally {
            context.ungetService(ref);
        }
    }
}
