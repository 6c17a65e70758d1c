package apiary.core.t2i.internal.jobs;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

/**
 * The ledger's one ordered writer with group commit. A write that nobody waits for is held for at most
 * {@link #delayMillis} and committed together with whatever else queued up meanwhile, in one transaction, where the
 * records of a job created in the same batch are folded into one insert ({@link LedgerFolding}); {@link #flush}
 * commits everything queued at once and waits for it. So a busy server pays one commit (H2 writes a chunk of pages
 * per commit) for many writes instead of one per statement. A batch that fails runs again write by write, each in its
 * own transaction, so that one bad write loses nothing else. Only the journaled log (embedded database) holds writes
 * back: its journal already keeps them across a kill, so the wait costs nothing but the time until ledger reads see
 * them, and reads flush first.
 */
final class LedgerWriter {
    private static final System.Logger LOG = System.getLogger(LedgerWriter.class.getName());

    /** One write; runs inside a transaction that the writer commits. */
    interface Work {
        /** @param c the connection, auto-commit off @throws SQLException to roll the batch back */
        void run(Connection c) throws SQLException;
    }

    /** The most writes committed together. */
    static final int MAX_BATCH = 500;
    /**
     * How long a journaled write may wait for company: a commit costs H2 about the same for one job as for fifty, so
     * a sequential client's images share one commit per quarter second instead of one per few images.
     */
    static final long DEFAULT_DELAY_MILLIS = 250;

    private final DataSource data;
    private final long delayMillis;
    private final Runnable onIdle;
    private final Queue<Work> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "apiary-job-ledger");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param data the ledger's database
     * @param delayMillis how long a write nobody waits for may be held (0: committed as soon as the writer is free)
     * @param onIdle run on the writer thread each time it has committed everything queued (quick, must not throw)
     */
    LedgerWriter(DataSource data, long delayMillis, Runnable onIdle) {
        this.data = data;
        this.delayMillis = delayMillis;
        this.onIdle = onIdle;
    }

    /** @return whether no write is queued (every one taken so far was handled: drains run one at a time) */
    boolean idle() {
        return pending.isEmpty();
    }

    /** Queues a write; it is committed within {@link #delayMillis}, or sooner with a flushed one. */
    void later(Work w) {
        pending.add(w);
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::drain, delayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.log(Level.DEBUG, "Ledger writer stopped: " + e);
            }
        }
    }

    /** Commits every write queued so far, now, and waits until it is done. */
    void flush() {
        try {
            thread.submit(this::drain).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "Ledger writer stopped: " + e);
        }
    }

    /** Commits what is queued, then stops. */
    void stop() {
        flush();
        thread.shutdownNow();
    }

    /** Runs on the writer thread only, so drains never overlap and writes keep their order. */
    private void drain() {
        // Reset before taking: a write queued from now on schedules the next drain itself.
        scheduled.set(false);
        for (List<Work> batch = take(); !batch.isEmpty(); batch = take()) {
            write(batch);
        }
        if (pending.isEmpty()) {
            onIdle.run();
        }
    }

    /** @return the next writes in queue order, at most {@value #MAX_BATCH} (a bounded transaction) */
    private List<Work> take() {
        List<Work> batch = new ArrayList<>();
        for (Work w; batch.size() < MAX_BATCH && (w = pending.poll()) != null;) {
            batch.add(w);
        }
        return batch;
    }

    private void write(List<Work> batch) {
        try (Connection c = data.getConnection()) {
            try {
                commit(c, LedgerFolding.fold(batch));
            } catch (SQLException | RuntimeException e) {
                for (Work w : batch) {
                    writeAlone(c, w);
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.ERROR, "Writing the job ledger failed", e);
        }
    }

    /** One write in its own transaction; again when another front end inserted the same usage row first. */
    private static void writeAlone(Connection c, Work w) {
        for (int attempt = 1;; attempt++) {
            try {
                commit(c, List.of(w));
                return;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState()) || attempt >= 3) {
                    LOG.log(Level.ERROR, "Writing the job ledger failed", e);
                    return;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Writing the job ledger failed", e);
                return;
            }
        }
    }

    /** Runs the writes in one transaction; on failure rolls it back and rethrows. */
    private static void commit(Connection c, List<Work> writes) throws SQLException {
        c.setAutoCommit(false);
        try {
            for (Work w : writes) {
                w.run(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
