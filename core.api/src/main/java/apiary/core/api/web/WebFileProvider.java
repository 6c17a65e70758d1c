package apiary.core.api.web;

import java.util.Map;

import apiary.core.api.route.CallContext;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Serves the GET requests under one path prefix, named by the service property {@link #PREFIX}:
 *
 * <pre>{@code
 * @Component(property = WebFileProvider.PREFIX + "=/ViewSpecial/Preset/")
 * public class PresetPreviews implements WebFileProvider { ... }
 * }</pre>
 *
 * The longest matching prefix wins. Such routes take no session: SwarmUI resolves their user from the login cookie,
 * so the {@link CallContext} carries the request's cookies, headers and address.
 */
@ConsumerType
public interface WebFileProvider {
    /**
     * Service property: the path served, starting with {@code /}. Ending with {@code /} it is a prefix
     * ({@code /ViewSpecial/Preset/} serves everything below it); otherwise it names one exact page
     * ({@code /Text2Image}, matched in any case), which is how a UI bundle takes over a page the core serves by
     * default; {@code /} alone names the root page. An exact path beats every prefix. {@code /API/},
     * {@code /ExtensionFile/} and {@code /openapi.json} stay the core's.
     */
    String PREFIX = "apiary.web.prefix";

    /**
     * @param path the rest of the path after the prefix, URL-decoded
     * @param query the query parameters (first value of each)
     * @param context the request's address, headers and cookies
     * @return the answer; never null
     */
    WebFile serve(String path, Map<String, String> query, CallContext context);
}
