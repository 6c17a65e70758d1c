package apiary.backend.swarm.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.json.Json;

/**
 * SwarmUI's HTTP API on one remote server, called exactly as a third-party client calls it: {@code POST
 * /API/<Route>} with a JSON body, the configured headers on every request. Answers are sorted into what the callers
 * need: a JSON object, or a {@link RemoteException} whose {@link RemoteException.Kind kind} says what happened.
 */
public final class RemoteHttp {
    private static final int MAX_SHOWN = 200;

    private final HttpClient client;
    private final String base;
    private final Map<String, String> headers;
    private final Json json;
    private final Duration timeout;

    /**
     * @param address the remote's base URL, e.g. {@code http://127.0.0.1:7801}
     * @param headers sent with every request (Authorization and the other configured headers)
     * @param json the server's JSON codec
     * @param timeout connect timeout, and the limit of one ordinary call
     */
    public RemoteHttp(String address, Map<String, String> headers, Json json, Duration timeout) {
        this.base = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
        this.headers = Map.copyOf(headers);
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @return the shared client (WebSockets use it too: a client per socket costs a thread pool each) */
    public HttpClient client() {
        return client;
    }

    /** @return the base URL without a trailing slash */
    public String base() {
        return base;
    }

    /** @return the headers sent with every request */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the connect timeout */
    public Duration timeout() {
        return timeout;
    }

    /** @param route a route name @return its WebSocket address */
    public URI socketUri(String route) {
        return URI.create(base.replaceFirst("^http", "ws") + "/API/" + route);
    }

    /**
     * Calls a route with the ordinary timeout.
     *
     * @see #post(String, Map, Duration)
     */
    public Map<String, Object> post(String route, Map<String, Object> body) throws RemoteException {
        return post(route, body, timeout);
    }

    /**
     * Calls a route.
     *
     * @param route e.g. {@code ListBackends}
     * @param body the JSON body (with {@code session_id} where the route needs one)
     * @param limit how long the whole call may take
     * @return the answer object, when it is not an error
     * @throws RemoteException for an unreachable remote, a refusal, an unknown session, a garbled answer or an
     *         {@code {"error": ...}} answer (message: the remote's error text)
     */
    public Map<String, Object> post(String route, Map<String, Object> body, Duration limit) throws RemoteException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/API/" + route)).timeout(limit)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.write(body), StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> answer;
        try {
            answer = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "The remote server at " + base + " did not answer "
                    + route + " within " + limit.toSeconds() + " seconds", e);
        } catch (IOException e) {
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "Cannot reach the remote server at " + base + ": "
                    + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(RemoteException.Kind.UNREACHABLE, "Interrupted while calling " + route + " on " + base, e);
        }
        return interpret(route, answer.statusCode(), answer.body());
    }

    /**
     * Sorts an answer (also used for WebSocket frames, with status 200).
     *
     * @param route the route called, for messages
     * @param status the HTTP status
     * @param text the body
     * @return the object when it is a success
     * @throws RemoteException otherwise
     */
    public Map<String, Object> interpret(String route, int status, String text) throws RemoteException {
        Map<String, Object> parsed = parse(text);
        if (parsed != null && "invalid_session_id".equals(parsed.get("error_id"))) {
            throw new RemoteException(RemoteException.Kind.INVALID_SESSION, String.valueOf(parsed.get("error")));
        }
        if (status == 401 || status == 403) {
            throw new RemoteException(RemoteException.Kind.REFUSED, "The remote server at " + base + " refused the request: HTTP "
                    + status + " " + shown(parsed == null ? text : String.valueOf(parsed.get("error"))));
        }
        if (parsed == null) {
            throw new RemoteException(RemoteException.Kind.GARBAGE, "The remote server at " + base + " answered " + route
                    + " with HTTP " + status + " and a body that is not a JSON object: " + shown(text));
        }
        if (parsed.get("error") != null) {
            Object id = parsed.get("error_id");
            throw new RemoteException(RemoteException.Kind.API_ERROR, String.valueOf(parsed.get("error"))
                    + (id == null ? "" : " (" + id + ")"));
        }
        if (status != 200) {
            throw new RemoteException(RemoteException.Kind.GARBAGE, "The remote server at " + base + " answered " + route
                    + " with HTTP " + status + ": " + shown(text));
        }
        return parsed;
    }

    /**
     * Sorts one WebSocket frame (a frame is always an object; errors come as {@code {"error": ...}}).
     *
     * @param route the route, for messages
     * @param text the frame
     * @return the frame when it is not an error of the session or the call
     * @throws RemoteException for an unknown session or a frame that is not a JSON object; other errors are
     *         returned so that the caller shows them as the generation's failure
     */
    public Map<String, Object> interpretFrame(String route, String text) throws RemoteException {
        Map<String, Object> parsed = parse(text);
        if (parsed == null) {
            throw new RemoteException(RemoteException.Kind.GARBAGE, "The remote server at " + base + " sent a " + route
                    + " frame that is not a JSON object: " + shown(text));
        }
        if ("invalid_session_id".equals(parsed.get("error_id"))) {
            throw new RemoteException(RemoteException.Kind.INVALID_SESSION, String.valueOf(parsed.get("error")));
        }
        return parsed;
    }

    /** @return the text as a JSON object, or {@code null} when it is none */
    public Map<String, Object> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Object v = json.read(text);
            if (v instanceof Map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) v;
                return new LinkedHashMap<>(m);
            }
        } catch (RuntimeException notJson) {
            // reported by the caller
        }
        return null;
    }

    /** @return the codec */
    public Json json() {
        return json;
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip().replaceAll("\\s+", " ");
        return t.length() > MAX_SHOWN ? t.substring(0, MAX_SHOWN) + "..." : t;
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
