package apiary.core.server.internal.dispatch;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import apiary.core.api.route.Route;
import apiary.core.server.internal.json.JsonCodec;
import apiary.core.server.internal.route.RouteDefinition;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * {@code POST /API/<Route>}: checks the transport rules (method, JSON content type, Content-Length within the
 * server's and the route's limit, memory for the body), reads the body without holding a thread (refusing an unknown
 * session as soon as the body names it), runs the {@link ApiPipeline} and writes the JSON answer with
 * {@code Cache-Control: no-store}. While a route's {@link CompletionStage} is pending no thread is held either; the
 * call ignores idle timeouts then, and notices a client that leaves.
 */
public final class ApiHttpHandler {
    private static final System.Logger LOG = System.getLogger(ApiHttpHandler.class.getName());
    private static final String SESSION_HEADER = "X-Session-ID";
    /** Every body may take this long, plus the time to send it at {@link #MIN_BYTES_PER_SECOND}. */
    private static final Duration BODY_GRACE = Duration.ofSeconds(10);
    private static final long MIN_BYTES_PER_SECOND = 64 * 1024;

    private final ApiPipeline pipeline;
    private final LongSupplier maxBodyBytes;
    private final RequestMemory memory;
    private final Scheduler scheduler;

    /**
     * @param pipeline the call pipeline
     * @param maxBodyBytes the server-wide request body limit
     * @param memory the memory all bodies share
     * @param scheduler times body deadlines
     */
    public ApiHttpHandler(ApiPipeline pipeline, LongSupplier maxBodyBytes, RequestMemory memory, Scheduler scheduler) {
        this.pipeline = pipeline;
        this.maxBodyBytes = maxBodyBytes;
        this.memory = memory;
        this.scheduler = scheduler;
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
        RouteDefinition route = pipeline.route(routeName);
        long routeLimit = route == null ? Route.DEFAULT_MAX_REQUEST_BYTES : route.maxRequestBytes();
        if (length > routeLimit) {
            refuseUnread(response, callback, ApiErrors.tooLarge(routeLimit));
            return;
        }
        RequestMemory.Claim claim = memory.claim(length);
        if (claim == null) {
            LOG.log(Level.INFO, "Refused a {0} byte body for /API/{1}: request memory in use", length, routeName);
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
            refuseUnread(response, callback, ApiErrors.BUSY);
            return;
        }
        Callback done = Callback.from(callback, claim);
        AtomicBoolean waitingForRoute = new AtomicBoolean();
        // Idle while the client sends its body: fail. Idle while a route works on the answer: expected.
        request.addIdleTimeoutListener(timeout -> !waitingForRoute.get());
        SessionIdScanner scanner = route == null || !route.sessionless() ? new SessionIdScanner() : null;
        BodyReader.read(request, (int) length, deadline(length), scheduler, (buffer, from, to) -> {
            if (scanner == null || scanner.sessionId() != null) {
                return true;
            }
            scanner.feed(buffer, from, to);
            return scanner.sessionId() == null || pipeline.sessionExists(scanner.sessionId());
        }).whenComplete((body, failure) -> {
            if (failure == null) {
                respond(routeName, body, request, response, done, waitingForRoute);
            } else {
                bodyFailed(routeName, failure, response, done);
            }
        });
    }

    private static Duration deadline(long length) {
        return BODY_GRACE.plusSeconds(length / MIN_BYTES_PER_SECOND);
    }

    private void bodyFailed(String routeName, Throwable failure, Response response, Callback callback) {
        if (failure instanceof CancellationException) {
            refuseUnread(response, callback, ApiErrors.INVALID_SESSION);
        } else if (failure instanceof TimeoutException) {
            LOG.log(Level.DEBUG, "Body for /API/{0} too slow: {1}", routeName, failure.getMessage());
            refuseUnread(response, callback, ApiErrors.BODY_TOO_SLOW);
        } else {
            LOG.log(Level.DEBUG, "Body for /API/{0} failed: {1}", routeName, failure.toString());
            callback.failed(failure);
        }
    }

    private void respond(String routeName, byte[] bytes, Request request, Response response, Callback callback,
            AtomicBoolean waitingForRoute) {
        Object parsed;
        try {
            parsed = JsonCodec.parse(bytes);
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
        HttpCallContext context = new HttpCallContext(request, response);
        CompletionStage<Object> answer = pipeline.invoke(call, body, context, null);
        if (answer.toCompletableFuture().isDone()) {
            answer.thenAccept(result -> answer(response, callback, result));
            return;
        }
        waitingForRoute.set(true);
        DisconnectWatch watch = DisconnectWatch.start(request, context::disconnected);
        answer.thenAccept(result -> {
            waitingForRoute.set(false);
            if (watch.stop()) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
            }
            answer(response, callback, result);
        });
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
