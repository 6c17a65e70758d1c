package apiary.core.api.route;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The transport details of one API call, injected into a {@link Route} method that declares a parameter of this
 * type: who is calling from where, with which headers and cookies, and a way to set cookies on the answer.
 */
@ProviderType
public interface CallContext {
    /** @return the remote IP address of the connection, without port */
    String remoteAddress();

    /** @return the {@code X-Forwarded-For} values in order, empty when the header is absent */
    List<String> forwardedFor();

    /**
     * @param name a header name, case-insensitive
     * @return the first value of that request header
     */
    Optional<String> header(String name);

    /**
     * @param name the cookie name, case-sensitive
     * @return the cookie's value
     */
    Optional<String> cookie(String name);

    /**
     * Adds a {@code Set-Cookie} to the answer ({@code Path=/}, {@code SameSite=Lax}). Over WebSocket the answer has
     * already been sent and the call is ignored.
     *
     * @param name cookie name
     * @param value cookie value
     * @param maxAgeSeconds lifetime; 0 or less expires the cookie at once
     * @param httpOnly whether scripts may not read it
     */
    void setCookie(String name, String value, long maxAgeSeconds, boolean httpOnly);

    /** @return true when the call came in over WebSocket */
    boolean isWebSocket();

    /**
     * Runs an action once if the client goes away before the call has answered (its connection closed), so that a
     * long-running route can stop work nobody will receive. Over WebSocket: when the socket closes.
     *
     * @param action quick, must not throw
     * @return a handle that removes the action again when closed
     */
    AutoCloseable onDisconnect(Runnable action);
}
