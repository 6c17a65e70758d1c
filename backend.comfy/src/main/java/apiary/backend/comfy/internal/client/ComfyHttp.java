package apiary.backend.comfy.internal.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import apiary.core.api.json.Json;

/**
 * The HTTP half of ComfyUI's API for one server: JSON GETs and POSTs, {@code /view} downloads and
 * {@code /upload/image}. Every call has a timeout; answers that are not what ComfyUI sends become a
 * {@link ComfyException} that says so, never a parser's stack trace.
 */
public final class ComfyHttp {
    private static final Duration CONNECT = Duration.ofSeconds(5);

    private final HttpClient client;
    private final String base;
    private final Json json;

    /**
     * @param base the API base, e.g. {@code http://127.0.0.1:8188} (no trailing slash)
     * @param json the server's JSON codec
     */
    public ComfyHttp(String base, Json json) {
        this.base = base;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @return the HTTP client, shared by this server's WebSockets (a client per socket costs a thread pool each) */
    HttpClient client() {
        return client;
    }

    /** @return the API base */
    public String base() {
        return base;
    }

    /** @return the WebSocket URI for a client id */
    public URI socketUri(String clientId) {
        String ws = base.replaceFirst("^http", "ws");
        return URI.create(ws + "/ws?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8));
    }

    /**
     * @param path e.g. {@code /object_info}
     * @param timeout how long to wait for the whole answer
     * @return the parsed JSON body of a 200 answer
     * @throws ComfyException when the server cannot be reached, answers with another status, or not with JSON
     */
    public Object getJson(String path, Duration timeout) throws ComfyException {
        Answer a = send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build(), path);
        if (a.status != 200) {
            throw new ComfyException("ComfyUI answered GET " + path + " with HTTP " + a.status);
        }
        return parse(a, "GET " + path);
    }

    /**
     * Posts a JSON body and parses the answer whatever its status (ComfyUI's validation errors come with 400).
     *
     * @param path e.g. {@code /prompt}
     * @param body the JSON value to send
     * @param timeout how long to wait
     * @return the status and the parsed body ({@code null} for an empty body)
     * @throws ComfyException when the server cannot be reached or the body is not JSON
     */
    public Answer postJson(String path, Object body, Duration timeout) throws ComfyException {
        HttpRequest request = HttpRequest.newBuilder(uri(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.write(body))).build();
        Answer a = send(request, path);
        a.json = a.body.length == 0 ? null : parse(a, "POST " + path);
        return a;
    }

    /**
     * @param filename the file name
     * @param subfolder its subfolder, may be empty
     * @param type {@code output}, {@code temp} or {@code input}
     * @param timeout how long to wait
     * @return the file's bytes
     * @throws ComfyException when it cannot be fetched
     */
    public byte[] view(String filename, String subfolder, String type, Duration timeout) throws ComfyException {
        String path = "/view?filename=" + enc(filename) + "&type=" + enc(type)
                + (subfolder == null || subfolder.isEmpty() ? "" : "&subfolder=" + enc(subfolder));
        Answer a = send(HttpRequest.newBuilder(uri(path)).timeout(timeout).GET().build(), "/view");
        if (a.status != 200) {
            throw new ComfyException("ComfyUI could not serve its output " + filename + " (HTTP " + a.status + ")");
        }
        return a.body;
    }

    /**
     * Uploads an image to ComfyUI's input folder ({@code POST /upload/image}, {@code overwrite=true}).
     *
     * @param name the file name to store it under
     * @param data the image bytes
     * @param timeout how long to wait
     * @return the name ComfyUI stored it under
     * @throws ComfyException when the upload fails
     */
    public String upload(String name, byte[] data, Duration timeout) throws ComfyException {
        String boundary = "----apiary" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + name.replace("\"", "")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(uri("/upload/image")).timeout(timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, data, tail))).build();
        Answer a = send(request, "/upload/image");
        if (a.status != 200) {
            throw new ComfyException("ComfyUI refused the upload of " + name + " (HTTP " + a.status + ")");
        }
        Object parsed = parse(a, "POST /upload/image");
        if (!(parsed instanceof Map) || !(((Map<?, ?>) parsed).get("name") instanceof String)) {
            throw new ComfyException("ComfyUI answered the upload of " + name + " without a file name");
        }
        Map<?, ?> m = (Map<?, ?>) parsed;
        String sub = m.get("subfolder") instanceof String ? (String) m.get("subfolder") : "";
        return sub.isEmpty() ? (String) m.get("name") : sub + "/" + m.get("name");
    }

    private Answer send(HttpRequest request, String what) throws ComfyException {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new ComfyException("ComfyUI did not answer " + what + " in time", e);
        } catch (IOException e) {
            throw new ComfyException("Cannot reach ComfyUI at " + base + " (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ComfyException("Interrupted while calling ComfyUI", e);
        }
    }

    private Object parse(Answer a, String what) throws ComfyException {
        String text = new String(a.body, StandardCharsets.UTF_8);
        try {
            return json.read(text);
        } catch (RuntimeException e) {
            String shown = text.length() > 200 ? text.substring(0, 200) + "..." : text;
            throw new ComfyException("ComfyUI sent an answer to " + what + " that is not JSON: " + shown.strip());
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One HTTP answer: status, raw body and (for JSON posts) the parsed body. */
    public static final class Answer {
        /** The HTTP status. */
        public final int status;
        /** The raw body. */
        public final byte[] body;
        /** The parsed JSON body, or {@code null}. */
        public Object json;

        Answer(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }
    }
}
