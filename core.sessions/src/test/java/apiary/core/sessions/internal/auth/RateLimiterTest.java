package apiary.core.sessions.internal.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    @Test
    void fixedWindowFromFirstUseRefusalsDoNotCount() {
        AtomicLong now = new AtomicLong(1_000);
        RateLimiter limiter = new RateLimiter(2, 60_000, now::get);
        assertTrue(limiter.tryUse("a"));
        now.addAndGet(30_000);
        assertTrue(limiter.tryUse("a"));
        assertFalse(limiter.tryUse("a"));
        assertTrue(limiter.tryUse("b"), "keys are independent");
        now.addAndGet(29_999);
        assertFalse(limiter.tryUse("a"), "the window started at the first use");
        now.addAndGet(1);
        assertTrue(limiter.tryUse("a"), "a new window after the period");
        assertTrue(limiter.tryUse("a"));
        assertFalse(limiter.tryUse("a"));
    }
}
