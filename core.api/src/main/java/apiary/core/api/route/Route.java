package apiary.core.api.route;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public method of a {@link RouteProvider} as the API route {@code POST /API/<name>}.
 *
 * <p><b>Parameters.</b> Each JSON parameter is annotated with {@link Param}; its Java type decides the
 * binding: {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long}, {@code boolean}/{@code Boolean},
 * {@code double}/{@code Double}, {@code float}/{@code Float}, {@code String[]}, or {@code Map<String, Object>}
 * (a "JObject" parameter, which receives the whole request body minus {@code session_id}, as in SwarmUI).
 * Unannotated parameters are injected by type: {@link apiary.core.api.session.Session} (the caller's session,
 * {@code null} for sessionless routes), {@link CallContext} (HTTP details) and {@link WebSocketChannel}. A
 * method that takes a {@link WebSocketChannel} is a WebSocket route; by SwarmUI convention its name ends in
 * {@code WS}.
 *
 * <p><b>Result.</b> The return value is serialised as the JSON answer: maps, lists, strings, numbers,
 * booleans, arrays and plain objects with public fields or record components. Handler-level errors are thrown
 * as {@link ApiError} (HTTP 200 with {@code error}); any other exception becomes SwarmUI's
 * {@code internal_error} with no detail sent to the client. A WebSocket route's non-null return value is sent as
 * its last frame.
 *
 * <p><b>Long work.</b> A method may return a {@link java.util.concurrent.CompletionStage}: the dispatcher releases the
 * request thread at once and answers (or, for a WebSocket route, sends the last frame and closes) when the stage
 * completes; a stage completed exceptionally with an {@link ApiError} is answered like a thrown one. Routes that wait
 * for something (a backend, a model load) must work this way, so that waiting clients never hold server threads.
 *
 * <p><b>Size.</b> Each route says how large a request it accepts ({@link #maxRequestBytes()}): the HTTP body, or the
 * WebSocket message that starts the call. Larger requests are refused before they are read, so the server never
 * buffers more than the route can use; the server setting {@code network.maxnetworkrequestmegabytes} caps every
 * route's limit.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Route {
    /** Value of {@link #permission()} for routes that need no session and no permission ({@code GetNewSession}, {@code Login}). */
    String SESSIONLESS = "";

    /** The default of {@link #maxRequestBytes()}: 4 MiB, ample for parameters, settings and small images. */
    long DEFAULT_MAX_REQUEST_BYTES = 4L * 1024 * 1024;

    /** The route name, matched case-insensitively; defaults to the method name (SwarmUI uses C# method names). */
    String name() default "";

    /**
     * The id of the permission a caller needs, declared by some {@link apiary.core.api.permission.PermissionProvider};
     * {@link #SESSIONLESS} for routes callable without a session.
     */
    String permission();

    /** What the route does, for the generated docs and the OpenAPI document. */
    String description();

    /** The return format shown in the docs, as SwarmUI's docs show it (JSON fragment text). */
    String returns() default "";

    /** Marks an experimental route: "This API is marked non-final" in the docs, {@code x-non-final} in OpenAPI. */
    boolean nonFinal() default false;

    /** SwarmUI's user-update flag: a call refreshes the session's and the user's last-used time. */
    boolean userUpdate() default false;

    /**
     * The largest request accepted, in bytes: the JSON body over HTTP, the first message over WebSocket. Routes that
     * receive images (init images, preset previews) raise it; the server setting
     * {@code network.maxnetworkrequestmegabytes} still caps it.
     */
    long maxRequestBytes() default DEFAULT_MAX_REQUEST_BYTES;
}
