package apiary.core.server.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves {@code GET /ExtensionFile/<extension>/<path>} from {@link ExtensionFiles}, with no authentication, as
 * SwarmUI does. Anything else, including paths that try to leave the extension's folder, is SwarmUI's plain-text
 * {@code 404, file not found.}.
 */
public final class ExtensionFileHandler {
    /** The URL prefix, matched case-insensitively. */
    public static final String PREFIX = "/ExtensionFile/";
    private static final System.Logger LOG = System.getLogger(ExtensionFileHandler.class.getName());
    private static final byte[] NOT_FOUND = "404, file not found.".getBytes(StandardCharsets.UTF_8);

    private final ExtensionFiles files;

    /** @param files the extensions' files */
    public ExtensionFileHandler(ExtensionFiles files) {
        this.files = files;
    }

    /**
     * @param rest the decoded path after {@link #PREFIX}
     */
    public void handle(String rest, Request request, Response response, Callback callback) {
        boolean head = HttpMethod.HEAD.is(request.getMethod());
        Optional<URL> file = Optional.empty();
        int slash = rest.indexOf('/');
        if ((head || HttpMethod.GET.is(request.getMethod())) && slash > 0 && safe(rest.substring(slash + 1))) {
            file = files.find(rest.substring(0, slash), rest.substring(slash + 1));
        }
        byte[] body = null;
        if (file.isPresent()) {
            try (InputStream in = file.get().openStream()) {
                body = in.readAllBytes();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Reading extension file {0} failed: {1}", rest, e.getMessage());
            }
        }
        if (body == null) {
            write(response, callback, 404, "text/plain; charset=utf-8", NOT_FOUND, head);
            return;
        }
        String type = MimeTypes.DEFAULTS.getMimeByExtension(rest);
        write(response, callback, 200, type == null ? "application/octet-stream" : type, body, head);
    }

    /** A relative path of plain segments: no empty, {@code .} or {@code ..} segment, no backslash, no colon. */
    static boolean safe(String path) {
        if (path.isEmpty() || path.indexOf('\\') >= 0 || path.indexOf(':') >= 0 || path.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body, boolean head) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
    }
}
