package apiary.itest.echo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;

import org.osgi.service.component.annotations.Component;

/**
 * Routes for the dispatcher's asynchronous contract: calls that wait on a {@link CompletionStage} the test completes
 * later ("holds" under a key), disconnect and close callbacks the test can query, and WebSocket routes that offer
 * frames without waiting.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ItestAsync", description = "Asynchronous routes installed by the integration tests.")
public class EchoAsyncRoutes implements RouteProvider {
    private final Map<String, List<CompletableFuture<Object>>> holds = new ConcurrentHashMap<>();
    private final Set<String> events = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, Object>> results = new ConcurrentHashMap<>();

    private CompletableFuture<Object> hold(String key) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        holds.computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(f);
        return f;
    }

    /** Waits until {@code ItestRelease} completes every call held under the key. */
    @Route(permission = EchoPermissions.ECHO, description = "Answers when released.")
    public CompletionStage<Object> ItestHold(@Param(description = "Hold key.") String key) {
        return hold(key);
    }

    /** Like {@code ItestHold} with a large body, which stays counted against the server's request memory meanwhile. */
    @Route(permission = EchoPermissions.ECHO, description = "Holds a large call.", maxRequestBytes = 64L * 1024 * 1024)
    public CompletionStage<Object> ItestHoldLarge(@Param(description = "Hold key.") String key,
            @Param(description = "Any text.") String data) {
        return hold(key);
    }

    /** Completes every call held under the key: with a value, an ApiError, a crash or null. */
    @Route(permission = EchoPermissions.ECHO, description = "Releases held calls.")
    public Map<String, Object> ItestRelease(@Param(description = "Hold key.") String key,
            @Param(description = "value, apierror, crash or null.", defaultValue = "value") String outcome) {
        List<CompletableFuture<Object>> held = holds.remove(key);
        int n = held == null ? 0 : held.size();
        for (CompletableFuture<Object> f : held == null ? List.<CompletableFuture<Object>>of() : held) {
            switch (outcome) {
                case "apierror":
                    f.completeExceptionally(new ApiError("refused later"));
                    break;
                case "crash":
                    f.completeExceptionally(new IllegalStateException("secret async detail"));
                    break;
                case "null":
                    f.complete(null);
                    break;
                default:
                    f.complete(Map.of("released", key, "thread", Thread.currentThread().getName()));
            }
        }
        return Map.of("released", n);
    }

    /** @return how many calls are held under the key */
    @Route(permission = EchoPermissions.ECHO, description = "Counts held calls.")
    public Map<String, Object> ItestHeld(@Param(description = "Hold key.") String key) {
        List<CompletableFuture<Object>> held = holds.get(key);
        return Map.of("held", held == null ? 0 : held.size());
    }

    /** Waits for the client to go away; records it under the key. */
    @Route(permission = EchoPermissions.ECHO, description = "Answers only when released; records a disconnect.")
    public CompletionStage<Object> ItestAwaitDisconnect(CallContext context, @Param(description = "Key.") String key) {
        context.onDisconnect(() -> events.add("disconnect:" + key));
        return hold(key);
    }

    /** @return whether an event (e.g. {@code disconnect:k}, {@code close:k}) was recorded */
    @Route(permission = EchoPermissions.ECHO, description = "Reports recorded events.")
    public Map<String, Object> ItestEvent(@Param(description = "Event name.") String event) {
        return Map.of("seen", events.contains(event));
    }

    /** Sends one frame, then waits to be released; the stage's value is the last frame. */
    @Route(permission = EchoPermissions.ECHO, description = "Streams one frame, answers when released.")
    public CompletionStage<Object> ItestHoldWS(WebSocketChannel socket, @Param(description = "Hold key.") String key) {
        socket.onClose(() -> events.add("close:" + key));
        socket.offer(Map.of("waiting", key));
        return hold(key);
    }

    /**
     * Offers {@code frames} frames of {@code bytes} characters as fast as it can, never waiting; records how many
     * were accepted and how long offering took under the key (for a client that does not read).
     */
    @Route(permission = EchoPermissions.ECHO, description = "Floods frames without waiting.")
    public Map<String, Object> ItestFloodWS(WebSocketChannel socket, @Param(description = "Key.") String key,
            @Param(description = "Frames.") int frames, @Param(description = "Characters per frame.") int bytes) {
        socket.onClose(() -> events.add("close:" + key));
        String filler = "x".repeat(bytes);
        long start = System.nanoTime();
        int accepted = 0;
        for (int i = 0; i < frames; i++) {
            if (socket.offer(Map.of("i", i, "fill", filler))) {
                accepted++;
            }
        }
        Map<String, Object> result = Map.of("accepted", accepted, "millis", (System.nanoTime() - start) / 1_000_000,
                "open", socket.isOpen());
        results.put(key, result);
        return result;
    }

    /** @return what {@code ItestFloodWS} recorded under the key, or {@code {"pending":true}} */
    @Route(permission = EchoPermissions.ECHO, description = "Reports a flood's outcome.")
    public Map<String, Object> ItestFloodResult(@Param(description = "Key.") String key) {
        return results.getOrDefault(key, Map.of("pending", true));
    }

    /** Offers {@code count} frames under one latest-wins key, then a final frame. */
    @Route(permission = EchoPermissions.ECHO, description = "Offers latest-wins frames.")
    public Map<String, Object> ItestLatestWS(WebSocketChannel socket, @Param(description = "Frames.") int count) {
        for (int i = 0; i < count; i++) {
            socket.offerLatest("progress", Map.of("progress", i));
        }
        return Map.of("done", count);
    }

    /** Offers binary frames {@code 0..n-1} (frame k is {@code size} bytes of value k), then a final JSON frame. */
    @Route(permission = EchoPermissions.ECHO, description = "Offers binary frames.")
    public Map<String, Object> ItestBinaryWS(WebSocketChannel socket, @Param(description = "Frames.") int count,
            @Param(description = "Bytes per frame.") int size) {
        List<Boolean> accepted = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] data = new byte[size];
            java.util.Arrays.fill(data, (byte) i);
            accepted.add(socket.offerBinary(data));
        }
        return Map.of("done", count, "accepted", accepted);
    }

    /** Returns a stage that already failed, or a value, without waiting: the stage path over WebSocket. */
    @Route(permission = EchoPermissions.ECHO, description = "Answers from a stage.")
    public CompletionStage<Object> ItestStageWS(WebSocketChannel socket,
            @Param(description = "value, apierror or crash.") String outcome) {
        socket.send(Map.of("before", outcome));
        switch (outcome) {
            case "apierror":
                return CompletableFuture.failedFuture(new ApiError("refused in stage"));
            case "crash":
                return CompletableFuture.failedFuture(new IllegalStateException("secret stage detail"));
            default:
                return CompletableFuture.supplyAsync(() -> Map.of("after", outcome));
        }
    }

    /** Accepts a large body: its size limit is raised, as a generation route's would be. */
    @Route(permission = EchoPermissions.ECHO, description = "Measures a large body.", maxRequestBytes = 64L * 1024 * 1024)
    public Map<String, Object> ItestLargeBody(@Param(description = "Any text.") String data) {
        return Map.of("length", data.length());
    }

    /** The same over WebSocket. */
    @Route(permission = EchoPermissions.ECHO, description = "Measures a large message.", maxRequestBytes = 64L * 1024 * 1024)
    public Map<String, Object> ItestLargeBodyWS(WebSocketChannel socket, @Param(description = "Any text.") String data) {
        return Map.of("length", data.length());
    }
}
