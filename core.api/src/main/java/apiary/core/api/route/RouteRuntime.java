package apiary.core.api.route;

import apiary.core.api.route.dto.RouteRuntimeDTO;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The route registry's explanation of itself: every route that is served, and every registration that is not,
 * with the reason. The generated docs, the OpenAPI document and the admin routes all read this view.
 */
@ProviderType
public interface RouteRuntime {
    /** @return a consistent snapshot of the route table at the time of the call */
    RouteRuntimeDTO snapshot();
}
