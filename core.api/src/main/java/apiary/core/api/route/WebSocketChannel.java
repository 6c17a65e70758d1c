package apiary.core.api.route;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The open socket of a WebSocket route call. Declaring a parameter of this type makes a {@link Route} a WebSocket
 * route; the dispatcher has already read the first JSON message and bound it to the method's parameters.
 *
 * <p>Frames are sent in order; each send waits until the frame is written (up to two minutes, as SwarmUI). When the
 * method returns, a non-null return value is sent last and the socket is closed normally.
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
}
