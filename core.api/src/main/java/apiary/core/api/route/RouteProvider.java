package apiary.core.api.route;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker service for a component whose public {@link Route}-annotated methods are API routes.
 *
 * <p>A bundle contributes routes by registering a component under this interface, usually one class per API
 * area (SwarmUI's {@code WebAPI/*.cs} files), optionally annotated with {@link RouteArea}:
 *
 * <pre>{@code
 * @Component(service = RouteProvider.class)
 * @RouteArea(value = "HelloExtension", description = "Greets people.")
 * public class HelloRoutes implements RouteProvider {
 *     @Route(permission = "hello_use", description = "Says hello.", returns = "\"greeting\": \"Hello, you\"")
 *     public Map<String, Object> Hello(@Param(description = "Who to greet.") String name) {
 *         return Map.of("greeting", "Hello, " + name);
 *     }
 * }
 * }</pre>
 *
 * <p>The core route registry reads the routes when the service appears and drops them when it goes away. A
 * route whose permission is unknown, whose name is taken by a higher-ranked service ({@code service.ranking}),
 * or whose signature it cannot bind is refused and listed with the reason by {@link RouteRuntime}.
 */
@ConsumerType
public interface RouteProvider {
}
