package apiary.core.t2i.internal.generate;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * SwarmUI's output index rule, shared by every request on one socket: the k-th real output of a task starting at
 * index {@code i} is {@code i + k} while {@code k} is below the batch size; further real outputs get
 * {@code images * batch + n}; intermediate outputs get {@code -10 - n}.
 */
final class BatchIndexes {
    private final AtomicInteger extra = new AtomicInteger();
    private final AtomicInteger nonReal = new AtomicInteger();

    /**
     * @param imageIndex the task's first index
     * @param realSoFar how many real outputs the task delivered before this one
     * @param batchSize the batch size
     * @param images the request's image count
     * @return the index of the next real output
     */
    int real(int imageIndex, int realSoFar, int batchSize, int images) {
        return realSoFar < batchSize ? imageIndex + realSoFar : images * batchSize + extra.incrementAndGet();
    }

    /** @return the index of the next intermediate output */
    int intermediate() {
        return -10 - nonReal.incrementAndGet();
    }
}
