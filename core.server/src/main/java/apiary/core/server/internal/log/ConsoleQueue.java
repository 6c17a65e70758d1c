package apiary.core.server.internal.log;

import java.io.PrintStream;
import java.io.Writer;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console, written by one daemon thread: a console that blocks (stdout a pipe nobody reads) must never block the
 * loggers, which write under the pipeline's lock. Text that finds the queue full is dropped and counted, and the count
 * is printed once the queue has drained. Each {@link #write(String)} is one queued piece (the pipeline writes whole lines).
 */
final class ConsoleQueue extends Writer {
    static final int CAPACITY = 1000;
    private static final String NEWLINE = System.lineSeparator();

    private final PrintStream out;
    private final BlockingQueue<String> queue;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Thread thread;
    private long written; // guarded by this
    private volatile boolean closed;

    ConsoleQueue(PrintStream out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::drain, "apiary-console-log");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void write(String text) {
        if (!closed && queue.offer(text)) {
            accepted.incrementAndGet();
        } else {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        write(new String(chars, offset, length));
    }

    /** Nothing to do: the writer thread flushes whenever it has caught up. */
    @Override
    public void flush() {
    }

    /** Gives queued text a second to reach the console, then stops the writer thread. */
    @Override
    public void close() {
        closed = true;
        try {
            awaitWritten(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }

    /** @return whether everything accepted so far reached the console within the timeout */
    synchronized boolean awaitWritten(Duration timeout) throws InterruptedException {
        long target = accepted.get();
        long end = System.nanoTime() + timeout.toNanos();
        while (written < target) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    private void drain() {
        try {
            while (true) {
                out.print(queue.take());
                if (queue.isEmpty()) {
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        out.print(lost + " log lines were not written to the console" + NEWLINE);
                    }
                    out.flush();
                }
                synchronized (this) {
                    written++;
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // Closed: the pipeline is gone.
        }
    }
}
