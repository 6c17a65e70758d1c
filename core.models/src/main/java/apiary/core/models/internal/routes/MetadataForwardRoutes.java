package apiary.core.models.internal.routes;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.models.internal.paths.ModelSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * ForwardMetadataRequest: fetches JSON for the model metadata editor (e.g. from civitai's API) on the client's behalf,
 * but only from the hosts the admin setting {@code metadata.forwardmetadatahosts} lists: a plain host name there
 * allows {@code https} to that host, a full origin such as {@code http://127.0.0.1:8080} allows exactly that origin.
 * No redirects are followed and answers are capped, so the route cannot be turned against this server's network.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class MetadataForwardRoutes implements RouteProvider {
    private static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final ModelSettings settings;
    private final Json json;

    /**
     * @param settings the allowed hosts
     * @param json parses the answer
     */
    @Activate
    public MetadataForwardRoutes(@Reference ModelSettings settings, @Reference Json json) {
        this.settings = settings;
        this.json = json;
    }

    /** @return {@code {"response": <the JSON fetched>}} */
    @Route(permission = "edit_model_metadata", description = "Forwards a metadata request, eg to civitai API.", returns = "")
    public CompletionStage<Map<String, Object>> ForwardMetadataRequest(
            @Param(description = "The URL to fetch metadata from.") String url) {
        URI uri = allowed(url, settings.forwardHosts());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenApply(this::answer)
                .exceptionally(e -> {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    if (cause instanceof ApiError) {
                        throw (ApiError) cause;
                    }
                    return Map.of("error", cause.getClass().getSimpleName() + ": " + cause.getMessage());
                });
    }

    private Map<String, Object> answer(HttpResponse<InputStream> r) {
        try (InputStream in = r.body()) {
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new ApiError("The metadata answer is larger than 10 MB.");
            }
            if (r.statusCode() != 200) {
                throw new ApiError("The metadata server answered HTTP " + r.statusCode() + ".");
            }
            return Map.of("response", json.read(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ApiError("IOException: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ApiError("The metadata answer is not JSON.");
        }
    }

    /** @return the URI when an allowed host or origin covers it */
    static URI allowed(String url, List<String> hosts) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ApiError("Invalid URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || uri.getRawUserInfo() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new ApiError("Invalid URL.");
        }
        String origin = scheme + "://" + host + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        for (String allowed : hosts) {
            if (allowed.contains("://") ? allowed.equals(origin) : scheme.equals("https") && allowed.equals(host) && uri.getPort() < 0) {
                return uri;
            }
        }
        throw new ApiError("Invalid URL: this server only forwards metadata requests to " + String.join(", ", hosts) + ".");
    }
}
