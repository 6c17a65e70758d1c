package apiary.core.sessions.internal.auth;

import java.util.List;
import java.util.Set;

import apiary.core.api.route.CallContext;

/**
 * Who is calling, for the three places that care: the origin address recorded on sessions and tokens (with up to
 * three forwarding hops, for display), the rate-limit key (the connection's own address only: a forged
 * {@code X-Forwarded-For} must not buy a fresh allowance) and the localhost bypass (exactly a loopback connection with
 * no forwarding header, as SwarmUI defines it).
 */
public final class ClientAddress {
    private static final int MAX_FORWARDED = 3;
    private static final int MAX_LENGTH = 100;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "::1", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1",
            "[::1]", "[0:0:0:0:0:0:0:1]");

    private ClientAddress() {
    }

    /** @return the address shown for sessions: {@code ip}, or {@code ip (via a, b)}, cut to 100 characters */
    public static String origin(CallContext context) {
        String ip = context.remoteAddress();
        List<String> forwarded = context.forwardedFor();
        if (!forwarded.isEmpty()) {
            ip += " (via " + String.join(", ", forwarded.subList(0, Math.min(MAX_FORWARDED, forwarded.size()))) + ")";
        }
        return ip.length() > MAX_LENGTH ? ip.substring(0, MAX_LENGTH) + "..." : ip;
    }

    /** @return the key the per-address rate limits count under */
    public static String rateLimitKey(CallContext context) {
        return context.remoteAddress();
    }

    /** @return whether the caller connected from this machine's loopback without any forwarding header */
    public static boolean isLocalhost(CallContext context) {
        return context.forwardedFor().isEmpty() && context.header("X-Forwarded-For").isEmpty()
                && isLoopbackOrigin(context.remoteAddress());
    }

    /** @return the origin addresses {@link #isLoopbackOrigin} accepts */
    public static Set<String> loopbackOrigins() {
        return LOOPBACK;
    }

    /** @param origin an origin address as {@link #origin} records it @return whether it is a plain loopback address */
    public static boolean isLoopbackOrigin(String origin) {
        return origin != null && LOOPBACK.contains(origin);
    }
}
