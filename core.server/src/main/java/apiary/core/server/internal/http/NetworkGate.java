package apiary.core.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import apiary.core.api.settings.ServerSettings;
import apiary.core.server.internal.db.DatabaseState;
import apiary.core.server.internal.settings.NetworkSettings;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * SwarmUI's request pipeline steps that come before routing: the CORS header (with OPTIONS preflight answers) and
 * the network authorization gate ({@code network.requiredauthorization}, skipped for {@code network.authbypassips}).
 * Unlike SwarmUI, the header is compared in constant time, and the gate fails closed: while the settings cannot be
 * read (the database is not open), nothing is served, since nobody can tell whether an Authorization header is
 * required; every request is answered 503 with the reason instead.
 */
final class NetworkGate {
    private final Supplier<ServerSettings> settings;
    private final DatabaseState database;

    NetworkGate(Supplier<ServerSettings> settings, DatabaseState database) {
        this.settings = settings;
        this.database = database;
    }

    /**
     * @return true when the gate answered the request itself (preflight or refusal)
     */
    boolean answer(Request request, Response response, Callback callback) {
        ServerSettings s = settings.get();
        if (s == null) {
            unavailable(request, response, callback);
            return true;
        }
        String origin = value(s, NetworkSettings.ALLOW_ORIGIN);
        if (!origin.isEmpty()) {
            response.getHeaders().put("Access-Control-Allow-Origin", origin);
            if (HttpMethod.OPTIONS.is(request.getMethod())) {
                response.setStatus(204);
                response.getHeaders().put("Access-Control-Allow-Methods", "*");
                response.getHeaders().put("Access-Control-Allow-Headers", "*");
                response.getHeaders().put("Access-Control-Max-Age", "3600");
                callback.succeeded();
                return true;
            }
        }
        String required = value(s, NetworkSettings.REQUIRED_AUTHORIZATION);
        if (required.isEmpty() || bypassed(s, Request.getRemoteAddr(request))) {
            return false;
        }
        String sent = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), required.getBytes(StandardCharsets.UTF_8))) {
            return false;
        }
        byte[] body = "Unauthorized".getBytes(StandardCharsets.UTF_8);
        response.setStatus(401);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        // The body of a refused request is not read, so the connection cannot be reused.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private void unavailable(Request request, Response response, Callback callback) {
        String why = database.problem().orElse("The server is starting; try again in a moment.");
        Unavailable.answer(request, response, callback,
                database.problem().isPresent() ? "database_unavailable" : "server_starting", why, 5);
    }

    private static boolean bypassed(ServerSettings s, String remote) {
        String address = remote.startsWith("::ffff:") && remote.indexOf('.') > 0 ? remote.substring(7) : remote;
        for (String ip : value(s, NetworkSettings.AUTH_BYPASS_IPS).split(",")) {
            String trimmed = ip.trim();
            if (trimmed.equals(remote) || trimmed.equals(address)) {
                return true;
            }
        }
        return false;
    }

    private static String value(ServerSettings s, String path) {
        try {
            return s.getString(path).trim();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
