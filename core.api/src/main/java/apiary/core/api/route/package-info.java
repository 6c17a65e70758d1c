/**
 * Routes: the {@code POST /API/<Name>} calls and {@code ...WS} WebSocket calls a bundle contributes.
 * A route is a public method annotated with {@link apiary.core.api.route.Route} on a component that offers
 * {@link apiary.core.api.route.RouteProvider}; its parameters carry {@link apiary.core.api.route.Param}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package apiary.core.api.route;
