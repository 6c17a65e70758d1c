package apiary.core.admin.internal.logs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import apiary.core.api.route.ApiError;

/**
 * Posts text to a paste service speaking SwarmUI's protocol (a form with {@code pastetype}, {@code response=micro},
 * {@code v}, {@code title} and {@code contents}; the answer is the paste's URL as plain text).
 */
final class PastebinClient {
    static final String SERVER_ERROR = "Failed to submit log to pastebin - server error?";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Built on first use: creating an HttpClient initialises TLS, which start-up should not pay for. */
    private HttpClient http;

    private synchronized HttpClient http() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    /**
     * @return the paste's URL
     * @throws ApiError with a readable reason when the service cannot be reached or answers nonsense
     */
    String submit(String serviceUrl, String title, String contents) {
        URI uri;
        try {
            uri = URI.create(serviceUrl.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !isHttp(uri.getScheme())) {
            throw new ApiError("The pastebin URL (server setting logs.pastebinurl) is not a valid http(s) URL.");
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("pastetype", "swarm");
        form.put("response", "micro");
        form.put("v", "300");
        form.put("title", title);
        form.put("contents", contents);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response;
        try {
            response = http().send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ApiError("Failed to submit log to pastebin - could not reach " + uri.getHost() + ".");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError("Failed to submit log to pastebin - interrupted.");
        }
        String answer = response.body() == null ? "" : response.body().trim();
        if (response.statusCode() / 100 != 2 || answer.startsWith("<") || answer.startsWith("System.")
                || !(answer.startsWith("http://") || answer.startsWith("https://")) || answer.contains("\n")) {
            throw new ApiError(SERVER_ERROR);
        }
        return answer;
    }

    private static boolean isHttp(String scheme) {
        String s = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return s.equals("http") || s.equals("https");
    }
}
