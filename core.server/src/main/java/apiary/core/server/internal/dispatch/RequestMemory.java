package apiary.core.server.internal.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all request bodies being read or handled at once may take, shared by every connection: a body is
 * admitted only when its share fits, so many large bodies at once are refused (with a retryable answer) instead of
 * exhausting the heap. A body is counted at twice its length: its bytes, and the parsed values made from them.
 */
public final class RequestMemory {
    private final long capacity;
    private final AtomicLong free;

    /** @param capacityBytes the memory bodies may take together */
    public RequestMemory(long capacityBytes) {
        this.capacity = capacityBytes;
        this.free = new AtomicLong(capacityBytes);
    }

    /** A share of the memory, given back exactly once. */
    final class Claim implements Runnable {
        private final long bytes;
        private final AtomicBoolean released = new AtomicBoolean();

        private Claim(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public void run() {
            if (released.compareAndSet(false, true)) {
                free.addAndGet(bytes);
            }
        }
    }

    /**
     * @param bodyLength the announced body length
     * @return the claim, or null when the body does not fit now
     */
    Claim claim(long bodyLength) {
        long share = bodyLength * 2;
        while (true) {
            long now = free.get();
            if (share > now) {
                return null;
            }
            if (free.compareAndSet(now, now - share)) {
                return new Claim(share);
            }
        }
    }

    /** @return the bytes not claimed at the moment */
    long free() {
        return free.get();
    }

    /** @return the whole budget */
    long capacity() {
        return capacity;
    }
}
