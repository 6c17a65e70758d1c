package apiary.core.api.route;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The open socket of a WebSocket route call. Declaring a parameter of this type makes a {@link Route} a WebSocket
 * route; the dispatcher has already read the first JSON message and bound it to the method's parameters.
 *
 * <p>Frames are sent in order. {@link #send} waits until its frame is written (up to two minutes, as SwarmUI);
 * {@link #offer} and {@link #offerLatest} never wait, so code that must not stall (a backend reporting progress)
 * uses them. The outgoing queue is bounded: a client that falls too far behind is disconnected rather than
 * allowed to grow the server's memory. When the method returns (or the {@link java.util.concurrent.CompletionStage}
 * it returned completes), a non-null result is sent last and the socket is closed normally.
 */
@ProviderType
public interface WebSocketChannel {
    /**
     * Sends one JSON frame.
     *
     * @param frame any value the dispatcher can serialise (usually a {@code Map})
     * @throws java.io.UncheckedIOException when the client has gone or the send timed out
     */
    void send(Object frame);

    /**
     * Waits for the next JSON object message from the client.
     *
     * @param timeout how long to wait
     * @return the message, or empty when none arrived in time or the socket closed
     */
    Optional<Map<String, Object>> receive(Duration timeout);

    /** @return whether the socket is still open */
    boolean isOpen();

    /**
     * Queues one JSON frame without waiting for it to be written.
     *
     * @param frame any value the dispatcher can serialise
     * @return {@code false} when the socket is closed (or was just closed because the client fell too far behind)
     */
    boolean offer(Object frame);

    /**
     * Queues a frame that replaces any frame queued earlier under the same key and not yet written: only the
     * latest survives (previews). Never waits. Frames keep their order relative to other frames.
     *
     * @param key what the frame is the latest of, e.g. {@code "preview:3"}
     * @param frame any value the dispatcher can serialise
     * @return {@code false} when the socket is closed
     */
    boolean offerLatest(String key, Object frame);

    /**
     * Queues one binary frame without waiting.
     *
     * @param data the bytes; not copied, must not change afterwards
     * @return {@code false} when the socket is closed
     */
    boolean offerBinary(byte[] data);

    /**
     * Runs an action once when the socket closes, whoever closed it, or at once if it is already closed.
     *
     * @param action quick, must not throw
     * @return a handle that removes the action again when closed
     */
    AutoCloseable onClose(Runnable action);

    /**
     * Runs an action each time the client sends a message that {@link #receive} would now return, so that a route
     * waiting for a follow-up message need not poll. The action only signals; it runs on the socket's thread, so it
     * should hand the work to another thread and call {@code receive(Duration.ZERO)} there. Messages that arrived
     * before the action was added do not trigger it: call {@code receive} once after adding it.
     *
     * @param action quick, must not throw
     * @return a handle that removes the action again when closed
     * @since 1.3
     */
    AutoCloseable onMessage(Runnable action);
}
