package apiary.core.server.internal.http;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectorManager;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Limits what one client address can hold before it has said anything: at most {@link #maxPerAddress} open
 * connections per remote address (one more is closed at once, before a byte is read), and a connection that has not
 * sent complete request headers within {@link #headerDeadline} of opening is closed. Together with the bounded header
 * size this bounds the threads (none), connections and memory an anonymous client can tie up.
 */
final class ConnectionGuard implements SelectorManager.AcceptListener, Connection.Listener {
    private static final System.Logger LOG = System.getLogger(ConnectionGuard.class.getName());

    private final int maxPerAddress;
    private final Duration headerDeadline;
    private final Scheduler scheduler;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<SelectableChannel, String> addresses = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    ConnectionGuard(int maxPerAddress, Duration headerDeadline, Scheduler scheduler) {
        this.maxPerAddress = maxPerAddress;
        this.headerDeadline = headerDeadline;
        this.scheduler = scheduler;
    }

    @Override
    public void onAccepted(SelectableChannel channel) {
        String address = address(channel);
        if (address == null) {
            return;
        }
        addresses.put(channel, address);
        int count = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (count > maxPerAddress) {
            if (refused.getAndIncrement() % 1000 == 0) {
                LOG.log(Level.WARNING, "{0} holds {1} connections (limit {2}); closing new ones", address, count - 1, maxPerAddress);
            }
            try {
                channel.close();
            } catch (IOException e) {
                // Closed either way.
            }
        }
    }

    @Override
    public void onClosed(SelectableChannel channel) {
        String address = addresses.remove(channel);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection) {
            HttpConnection http = (HttpConnection) connection;
            scheduler.schedule(() -> {
                if (http.getMessagesIn() == 0 && http.getEndPoint().isOpen() && http.getEndPoint().getConnection() == http) {
                    LOG.log(Level.DEBUG, "Closing a connection from {0} that sent no complete request within {1} s",
                            http.getEndPoint().getRemoteSocketAddress(), headerDeadline.toSeconds());
                    http.getEndPoint().close();
                }
            }, headerDeadline.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** @return open connections of one address (for tests and the log) */
    int openFrom(String address) {
        AtomicInteger n = open.get(address);
        return n == null ? 0 : n.get();
    }

    private static String address(SelectableChannel channel) {
        if (!(channel instanceof SocketChannel)) {
            return null;
        }
        try {
            SocketAddress remote = ((SocketChannel) channel).getRemoteAddress();
            return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress().getHostAddress() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
