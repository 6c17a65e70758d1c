package apiary.core.t2i.internal.jobs;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

/**
 * Where the ledger's records go: the group-committing {@link LedgerWriter}, and on an embedded database first the
 * {@link LedgerJournal}. A record is journaled and queued in one step under the journal's lock, and the journal is
 * emptied only when the writer, holding the same lock, has nothing queued, so every record is always in the journal
 * or in the database (or both: records are idempotent). Without a journal (a shared database, or a journal that
 * cannot be written) a durable record waits for its commit instead.
 */
final class LedgerLog {
    private static final System.Logger LOG = System.getLogger(LedgerLog.class.getName());

    private final LedgerWriter writer;
    private volatile LedgerJournal journal;

    private LedgerLog(DataSource data, long delayMillis) {
        this.writer = new LedgerWriter(data, delayMillis, this::writerIdle);
    }

    /** @param data the database @return a log that commits durable records before they return */
    static LedgerLog committing(DataSource data) {
        return new LedgerLog(data, 0);
    }

    /**
     * Opens the journal and applies what a previous process journaled (before anyone reads the ledger).
     *
     * @param data the database
     * @param journalFile the journal
     * @param delayMillis how long a record may wait for company before it is committed
     * @return the log
     */
    static LedgerLog journaled(DataSource data, Path journalFile, long delayMillis) {
        LedgerLog log = new LedgerLog(data, delayMillis);
        try {
            log.journal = new LedgerJournal(journalFile);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The job ledger journal " + journalFile + " cannot be opened; every finished image waits for its commit: " + e);
            return log;
        }
        log.replay();
        return log;
    }

    private void replay() {
        try {
            List<LedgerRecords.Record> records = journal.read();
            if (!records.isEmpty()) {
                LOG.log(Level.INFO, "Applying {0} job ledger records the previous process journaled", records.size());
                records.forEach(writer::later);
                writer.flush();
            }
        } catch (IOException e) {
            LOG.log(Level.ERROR, "Reading the job ledger journal failed", e);
        }
    }

    /** @param r a record the caller need not wait for */
    void record(LedgerRecords.Record r) {
        if (!journaled(r)) {
            writer.later(r);
        }
    }

    /** @param r a record that must survive a kill once this returns (journaled, or else committed) */
    void recordDurably(LedgerRecords.Record r) {
        if (!journaled(r)) {
            writer.later(r);
            writer.flush();
        }
    }

    private boolean journaled(LedgerRecords.Record r) {
        LedgerJournal j = journal;
        if (j == null) {
            return false;
        }
        synchronized (j) {
            try {
                j.append(r);
                writer.later(r);
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Journaling a job ledger record failed; committing it at once: " + e);
                return false;
            }
        }
    }

    /** The writer has committed everything queued: every journaled record is in the database. */
    private void writerIdle() {
        LedgerJournal j = journal;
        if (j != null) {
            synchronized (j) {
                if (writer.idle()) {
                    j.clear();
                }
            }
        }
    }

    /** Waits until every record so far is committed. */
    void flush() {
        writer.flush();
    }

    /** Commits what is queued, then closes. */
    void stop() {
        writer.stop();
        LedgerJournal j = journal;
        if (j != null) {
            try {
                j.close();
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "Closing the job ledger journal: " + e);
            }
        }
    }
}
