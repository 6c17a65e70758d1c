package apiary.core.sessions.internal.auth;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * SwarmUI's simple rate limiter: a fixed window per key that starts at the key's first use and resets once the
 * period has passed. A call is allowed while fewer than {@code max} calls were allowed in the window; refused calls
 * do not count. Stale windows are dropped as the map grows.
 */
public final class RateLimiter {
    private static final int SWEEP_ABOVE = 10_000;

    private static final class Window {
        long start;
        int used;
    }

    private final int max;
    private final long periodMillis;
    private final LongSupplier clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param max allowed calls per window
     * @param periodMillis window length
     * @param clock milliseconds now
     */
    public RateLimiter(int max, long periodMillis, LongSupplier clock) {
        this.max = max;
        this.periodMillis = periodMillis;
        this.clock = clock;
    }

    /**
     * @param key what is limited (an address, a user name)
     * @return true and counts the call if allowed; false if the key has used up its window
     */
    public boolean tryUse(String key) {
        Window w = window(key);
        synchronized (w) {
            if (w.used >= max) {
                return false;
            }
            w.used++;
            return true;
        }
    }

    /** Counts one use of the key without asking, e.g. a failure that happened. */
    public void record(String key) {
        Window w = window(key);
        synchronized (w) {
            w.used++;
        }
    }

    /** @return whether the key has used up its current window (without counting a use) */
    public boolean exhausted(String key) {
        Window w = window(key);
        synchronized (w) {
            return w.used >= max;
        }
    }

    private Window window(String key) {
        long now = clock.getAsLong();
        if (windows.size() > SWEEP_ABOVE) {
            windows.values().removeIf(w -> now - w.start >= periodMillis);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        synchronized (w) {
            if (w.used == 0 || now - w.start >= periodMillis) {
                w.start = now;
                w.used = 0;
            }
        }
        return w;
    }
}
