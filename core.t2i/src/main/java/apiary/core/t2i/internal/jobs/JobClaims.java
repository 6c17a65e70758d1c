package apiary.core.t2i.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Takes over the unfinished jobs of a dead front end with row-level claims: the job rows are locked with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} and moved to the taker in one transaction, so when several front ends
 * sweep at once each job goes to exactly one of them (the others skip the locked rows and, after the commit, no
 * longer see them as the dead front end's).
 */
@Component(service = JobClaims.class)
public final class JobClaims {
    private final JobLedger ledger;
    private final DataSource data;

    /** @param ledger the ledger (its pending writes are flushed before a claim) */
    @Activate
    public JobClaims(@Reference JobLedger ledger) {
        this.ledger = ledger;
        this.data = ledger.dataSource();
    }

    /** A job a dead front end left unfinished: its owner, request body and the tasks not done with their seeds. */
    public record Unfinished(long id, String userId, String requestJson, Map<Integer, Long> pendingSeeds) {
    }

    /**
     * @param dead the dead front end's id
     * @param taker the id to record the claimed jobs under
     * @return the jobs claimed, oldest first, each with its tasks not done (queued ones that never ran and running
     *         ones that died with their front end)
     */
    public List<Unfinished> claim(String dead, String taker) {
        ledger.flush();
        List<Unfinished> out = new ArrayList<>();
        try (Connection c = data.getConnection()) {
            List<Unfinished> jobs = lockAndMove(c, dead, taker);
            for (Unfinished j : jobs) {
                out.add(new Unfinished(j.id(), j.userId(), j.requestJson(), pendingSeeds(c, j.id())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming the unfinished jobs of " + dead + " failed", e);
        }
        return out;
    }

    private static List<Unfinished> lockAndMove(Connection c, String dead, String taker) throws SQLException {
        List<Unfinished> jobs = new ArrayList<>();
        c.setAutoCommit(false);
        try {
            try (PreparedStatement ps = c.prepareStatement("SELECT job_id, user_id, request_json FROM t2i_jobs "
                    + "WHERE front_end = ? AND state IN ('queued', 'running') ORDER BY job_id FOR UPDATE SKIP LOCKED")) {
                ps.setString(1, dead);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(new Unfinished(rs.getLong(1), rs.getString(2), rs.getString(3), Map.of()));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE t2i_jobs SET front_end = ? WHERE job_id = ? AND front_end = ?")) {
                for (Unfinished j : jobs) {
                    ps.setString(1, taker);
                    ps.setLong(2, j.id());
                    ps.setString(3, dead);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return jobs;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static Map<Integer, Long> pendingSeeds(Connection c, long jobId) throws SQLException {
        Map<Integer, Long> seeds = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT task_index, seed FROM t2i_job_images WHERE job_id = ? AND state IN ('queued', 'running') ORDER BY task_index")) {
            ps.setLong(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seeds.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return seeds;
    }
}
