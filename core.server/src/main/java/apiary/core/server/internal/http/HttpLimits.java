package apiary.core.server.internal.http;

import java.time.Duration;

import apiary.core.server.internal.dispatch.RequestMemory;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.osgi.framework.BundleContext;

/**
 * The limits that keep anonymous clients from exhausting the server, read from framework properties (all optional;
 * the defaults suit a server used directly; behind a reverse proxy every client has the proxy's address, so raise
 * {@value #PER_ADDRESS} there):
 * <ul>
 * <li>{@value #PER_ADDRESS} (64): open connections one remote address may hold;</li>
 * <li>{@value #CONNECTIONS} (4096): open connections in total; beyond it new ones wait to be accepted;</li>
 * <li>{@value #IDLE_SECONDS} (30): a connection that sends and receives nothing for this long is closed, unless
 * its call is waiting for a route to answer;</li>
 * <li>{@value #HEADER_SECONDS} (15): a new connection must have sent a complete request head by then;</li>
 * <li>{@value #REQUEST_MEMORY_MB} (a quarter of the heap): memory all request bodies may take together.</li>
 * </ul>
 * Request heads are limited to {@value #HEADER_BYTES} bytes.
 */
final class HttpLimits {
    static final String PER_ADDRESS = "apiary.http.maxConnectionsPerAddress";
    static final String CONNECTIONS = "apiary.http.maxConnections";
    static final String IDLE_SECONDS = "apiary.http.idleTimeoutSeconds";
    static final String HEADER_SECONDS = "apiary.http.headerTimeoutSeconds";
    static final String REQUEST_MEMORY_MB = "apiary.http.requestMemoryMegabytes";
    /** Far above what browsers and API clients send, far below SwarmUI's 1 MiB, which let idle connections hold 1 MiB each. */
    static final int HEADER_BYTES = 32 * 1024;

    private final int perAddress;
    private final int connections;
    private final Duration idle;
    private final Duration headerDeadline;
    private final long requestMemoryBytes;

    private HttpLimits(BundleContext context) {
        perAddress = (int) positive(context, PER_ADDRESS, 64);
        connections = (int) positive(context, CONNECTIONS, 4096);
        idle = Duration.ofSeconds(positive(context, IDLE_SECONDS, 30));
        headerDeadline = Duration.ofSeconds(positive(context, HEADER_SECONDS, 15));
        requestMemoryBytes = positive(context, REQUEST_MEMORY_MB, Runtime.getRuntime().maxMemory() / 4 >> 20) << 20;
    }

    static HttpLimits from(BundleContext context) {
        return new HttpLimits(context);
    }

    /** @return the connector for {@code server}, with these limits applied */
    ServerConnector connector(Server server) {
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRelativeRedirectAllowed(true);
        config.setRequestHeaderSize(HEADER_BYTES);
        config.setIdleTimeout(idle.toMillis());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setIdleTimeout(idle.toMillis());
        ConnectionGuard guard = new ConnectionGuard(perAddress, headerDeadline, server.getScheduler());
        connector.addEventListener(guard);
        server.addBean(new NetworkConnectionLimit(connections, connector));
        return connector;
    }

    /** @return the memory request bodies share */
    RequestMemory requestMemory() {
        return new RequestMemory(requestMemoryBytes);
    }

    private static long positive(BundleContext context, String key, long fallback) {
        String v = context.getProperty(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(v.trim());
            return parsed > 0 ? parsed : fallback;
        } catch (NumberFormatException e) {
            System.getLogger(HttpLimits.class.getName()).log(System.Logger.Level.WARNING,
                    "Framework property {0}={1} is not a positive number; using {2}", key, v, fallback);
            return fallback;
        }
    }
}
