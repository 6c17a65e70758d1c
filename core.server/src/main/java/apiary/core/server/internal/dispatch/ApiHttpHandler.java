package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import apiary.core.server.internal.json.JsonCodec;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /API/<Route>}: checks the transport rules (method, JSON content type, Content-Length within the
 * limit), parses the body, runs the {@link ApiPipeline} and writes the JSON answer with {@code Cache-Control:
 * no-store}.
 */
public final class ApiHttpHandler {
    private static final System.Logger LOG = System.getLogger(ApiHttpHandler.class.getName());
    private static final String SESSION_HEADER = "X-Session-ID";

    private final ApiPipeline pipeline;
    private final LongSupplier maxBodyBytes;

    /**
     * @param pipeline the call pipeline
     * @param maxBodyBytes the current request body limit
     */
    public ApiHttpHandler(ApiPipeline pipeline, LongSupplier maxBodyBytes) {
        this.pipeline = pipeline;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * @param routeName the path after {@code /API/}
     */
    public void handle(String routeName, Request request, Response response, Callback callback) {
        if (!HttpMethod.POST.is(request.getMethod())) {
            LOG.log(Level.DEBUG, "{0} request to /API/{1} redirected", request.getMethod(), routeName);
            Response.sendRedirect(request, response, callback, 302, "/Error/NoGetAPI", false);
            return;
        }
        if (!isJson(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
            refuseUnread(response, callback, ApiErrors.WRONG_CONTENT_TYPE);
            return;
        }
        long length = request.getLength();
        if (length <= 0 || length >= maxBodyBytes.getAsLong()) {
            refuseUnread(response, callback, ApiErrors.BAD_CONTENT_LENGTH);
            return;
        }
        Object parsed;
        try (InputStream in = Content.Source.asInputStream(request)) {
            parsed = JsonCodec.parse(in.readNBytes((int) length));
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "Unreadable JSON body for /API/{0}: {1}", routeName, e.getMessage());
            write(response, callback, ApiErrors.INTERNAL_ERROR.status, ApiErrors.INTERNAL_ERROR.body);
            return;
        }
        if (parsed == null) {
            write(response, callback, ApiErrors.NULL_INPUT.status, ApiErrors.NULL_INPUT.body);
            return;
        }
        Map<String, Object> body = JsonCodec.asObject(parsed);
        if (body == null) {
            write(response, callback, ApiErrors.INTERNAL_ERROR.status, ApiErrors.INTERNAL_ERROR.body);
            return;
        }
        ApiPipeline.Resolved call = pipeline.resolve(routeName, body, request.getHeaders().get(SESSION_HEADER), false);
        if (call.rejection != null) {
            write(response, callback, call.rejection.status, call.rejection.body);
            return;
        }
        pipeline.invoke(call, body, new HttpCallContext(request, response), null)
                .whenComplete((result, failure) -> answer(response, callback, result));
    }

    private static void answer(Response response, Callback callback, Object result) {
        if (result instanceof Reply) {
            Reply reply = (Reply) result;
            write(response, callback, reply.status, reply.body);
        } else if (result == null) {
            write(response, callback, ApiErrors.NO_RESULT.status, ApiErrors.NO_RESULT.body);
        } else {
            write(response, callback, 200, result);
        }
    }

    /**
     * Answers without reading the body. The server will not read an unwanted (possibly huge) body, so the
     * connection cannot carry another request; saying so keeps clients from sending one on it.
     */
    static void refuseUnread(Response response, Callback callback, Reply reply) {
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        write(response, callback, reply.status, reply.body);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi < 0 ? contentType : contentType.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        return mime.equals("application/json") || mime.endsWith("+json");
    }

    private static void write(Response response, Callback callback, int status, Object body) {
        byte[] bytes;
        try {
            bytes = JsonCodec.bytes(body);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "API result could not be written as JSON", e);
            status = ApiErrors.INTERNAL_ERROR.status;
            bytes = JsonCodec.bytes(ApiErrors.INTERNAL_ERROR.body);
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }
}
