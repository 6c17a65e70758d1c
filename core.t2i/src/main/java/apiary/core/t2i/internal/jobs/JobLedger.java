package apiary.core.t2i.internal.jobs;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import apiary.core.api.data.Database;
import apiary.core.api.server.ServerInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The durable job ledger in the server database (H2, or PostgreSQL shared by several front ends): jobs, their image
 * tasks and usage. Writes are records ({@link LedgerRecords}) kept by the {@link LedgerLog}: committed in groups by one
 * ordered writer, and on an embedded database journaled first, so that they never slow a generation by a commit
 * each; a finished image is durable before its task ends, so that a restart never produces an image twice.
 */
@Component(service = JobLedger.class)
public final class JobLedger {
    private static final System.Logger LOG = System.getLogger(JobLedger.class.getName());
    private static final String JOB_COLUMNS = "j.job_id, j.user_id, j.state, j.images, "
            + "(SELECT COUNT(*) FROM t2i_job_images i WHERE i.job_id = j.job_id AND i.state = 'done'), j.error, j.front_end, "
            + "j.created_millis, j.started_millis, j.finished_millis";

    private final DataSource data;
    private final boolean shared;
    /** The journal's file name in the embedded database's folder. */
    static final String JOURNAL_FILE = "t2i-ledger.journal";
    private final LedgerLog log;
    /** Jobs already marked running (the job row is updated once, not for every task). */
    private final java.util.Set<Long> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * @param database the server database
     * @param server where the journal of an embedded database lives (next to the database files)
     */
    @Activate
    public JobLedger(@Reference Database database, @Reference ServerInfo server) {
        database.migrate(JobSchema.MODULE, JobSchema.scripts());
        this.data = database.dataSource();
        this.shared = database.dialect() == Database.Dialect.POSTGRESQL;
        // Shared (PostgreSQL): another front end may take a job over, so finished images are committed at once and
        // nothing is journaled locally. Embedded (H2): this process alone owns the ledger; the journal covers it.
        this.log = shared ? LedgerLog.committing(data)
                : LedgerLog.journaled(data, server.dataDir().resolve("Database").resolve(JOURNAL_FILE), LedgerWriter.DEFAULT_DELAY_MILLIS);
    }

    /** For unit tests: a ledger over a data source whose schema is already migrated, without a journal. */
    JobLedger(DataSource data) {
        this.data = data;
        this.shared = false;
        this.log = LedgerLog.committing(data);
    }

    /** For unit tests: an embedded-database ledger with its journal and the writer's delay. */
    JobLedger(DataSource data, Path journalFile, long delayMillis) {
        this.data = data;
        this.shared = false;
        this.log = LedgerLog.journaled(data, journalFile, delayMillis);
    }

    /** @return the ledger's data source (for the claims and lease tables) */
    DataSource dataSource() {
        return data;
    }

    /** @return whether several front ends may share this ledger (PostgreSQL; H2 files belong to one process) */
    boolean shared() {
        return shared;
    }

    @Deactivate
    void stop() {
        log.stop();
    }

    /** Records a new job and its tasks (queued). */
    public void created(long id, String userId, String requestJson, int images, int batchSize, long[] seeds, String frontEnd) {
        log.record(new LedgerRecords.Created(id, userId, requestJson, images, batchSize, seeds.clone(), frontEnd, System.currentTimeMillis()));
    }

    /** Marks a task running on a backend. */
    public void taskStarted(long id, int task, int backendId) {
        log.record(new LedgerRecords.TaskStarted(id, task, backendId, running.add(id), System.currentTimeMillis()));
    }

    /**
     * Records a task's end with its outputs or error and the usage it adds, in one transaction: durably before this
     * returns (in the journal, or else committed), so that a process killed at any moment afterwards never makes the
     * image again.
     *
     * @param usage the images and backend time to add, or null
     */
    public void taskFinished(long id, int task, String state, String outputsJson, String error, Usage usage) {
        log.recordDurably(new LedgerRecords.TaskFinished(id, task, state, outputsJson, error, usage, System.currentTimeMillis()));
    }

    /** Records the job's end. */
    public void finished(long id, String state, String error) {
        running.remove(id);
        log.record(new LedgerRecords.Finished(id, state, error, System.currentTimeMillis()));
    }

    /**
     * @param userId the owner, or null for everyone's
     * @param limit the most to return, newest first
     * @return the jobs
     */
    public List<JobRow> jobs(String userId, int limit) {
        flush();
        String sql = "SELECT " + JOB_COLUMNS + " FROM t2i_jobs j" + (userId == null ? "" : " WHERE j.user_id = ?")
                + " ORDER BY j.job_id DESC";
        List<JobRow> out = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            if (userId != null) {
                ps.setString(1, userId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the job ledger failed", e);
        }
        return out;
    }

    /** @param id a job id @return that job */
    public Optional<JobRow> job(long id) {
        flush();
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + JOB_COLUMNS + " FROM t2i_jobs j WHERE j.job_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the job ledger failed", e);
        }
    }

    /** Usage rows: day, user, model, backend, images, backend milliseconds. */
    public record Usage(String day, String userId, String model, int backendId, long images, long backendMillis) {
    }

    /** @param userId a user, or null for everyone @return their usage, newest day first */
    public List<Usage> usage(String userId) {
        flush();
        String sql = "SELECT usage_day, user_id, model, backend_id, images, backend_millis FROM t2i_usage"
                + (userId == null ? "" : " WHERE user_id = ?") + " ORDER BY usage_day DESC, user_id, model, backend_id";
        List<Usage> out = new ArrayList<>();
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (userId != null) {
                ps.setString(1, userId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Usage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading usage failed", e);
        }
        return out;
    }

    private static JobRow row(ResultSet rs) throws SQLException {
        return new JobRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                rs.getString(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }

    /** Waits until every write queued so far is committed. */
    void flush() {
        log.flush();
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    /**
     * @param userId a user
     * @return the user's webhook secret, made (random, 32 bytes) on first use
     */
    public String webhookSecret(String userId) {
        try (Connection c = data.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT secret FROM t2i_webhook_secrets WHERE user_id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            byte[] raw = new byte[32];
            new java.security.SecureRandom().nextBytes(raw);
            String secret = java.util.HexFormat.of().formatHex(raw);
            try {
                update(c, "INSERT INTO t2i_webhook_secrets (user_id, secret) VALUES (?, ?)", userId, secret);
                return secret;
            } catch (SQLException raced) {
                return webhookSecret(userId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the webhook secret failed", e);
        }
    }
}
