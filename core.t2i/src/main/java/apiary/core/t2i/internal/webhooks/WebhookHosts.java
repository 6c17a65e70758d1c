package apiary.core.t2i.internal.webhooks;

import java.net.URI;
import java.util.Locale;

import apiary.core.api.route.ApiError;

/**
 * Which webhook addresses a request may name: {@code http} or {@code https} URLs whose host is in the server setting
 * {@code webhooks.jobwebhookallowedhosts} (comma-separated; {@code *} allows any host; empty allows none).
 */
public final class WebhookHosts {
    private WebhookHosts() {
    }

    /**
     * @param url the requested URL
     * @param allowed the setting's value
     * @return the URI
     * @throws ApiError with a clear reason when the URL is malformed or its host is not allowed
     */
    public static URI check(String url, String allowed) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiError("Invalid webhook URL '" + url + "'.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new ApiError("Invalid webhook URL '" + url + "': it must be an http or https address.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        for (String a : (allowed == null ? "" : allowed).split(",")) {
            String h = a.trim().toLowerCase(Locale.ROOT);
            if (h.equals("*") || (!h.isEmpty() && h.equals(host))) {
                return uri;
            }
        }
        throw new ApiError("Webhook host '" + host + "' is not allowed by this server (setting webhooks.jobwebhookallowedhosts).");
    }
}
