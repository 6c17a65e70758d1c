package apiary.core.t2i.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Per-role daily quotas (beyond SwarmUI): images and backend seconds per user and UTC day. A user's allowance is the
 * largest of their roles' (a role without a quota allows any amount, so one such role lifts the limit). A request is
 * refused before it starts when the images already made or still queued today plus the ones it asks for exceed the
 * image quota, or when today's backend seconds are used up. Requests submitted at the very same moment may overshoot
 * by one request: the check is not a reservation.
 */
@Component(service = JobQuotas.class)
public final class JobQuotas {
    /** Quotas are re-read this often, so that a change made on another front end applies soon. */
    static final long CACHE_MILLIS = 5000;

    /** A role's daily limits; 0 means no limit. */
    public record Quota(long images, long backendSeconds) {
        boolean unlimited() {
            return images <= 0 && backendSeconds <= 0;
        }
    }

    /** What a user has used today. */
    public record Used(long images, long queuedImages, long backendMillis) {
    }

    private final JobLedger ledger;
    private final DataSource data;
    private volatile Map<String, Quota> cache;
    private volatile long cachedAt;

    /** @param ledger the ledger (usage, queued tasks, the quota table) */
    @Activate
    public JobQuotas(@Reference JobLedger ledger) {
        this.ledger = ledger;
        this.data = ledger.dataSource();
    }

    /** @return every role's quota */
    public Map<String, Quota> all() {
        long now = System.currentTimeMillis();
        Map<String, Quota> c = cache;
        if (c != null && now - cachedAt < CACHE_MILLIS) {
            return c;
        }
        Map<String, Quota> out = new LinkedHashMap<>();
        try (Connection conn = data.getConnection(); PreparedStatement ps = conn.prepareStatement(
                "SELECT role_id, daily_images, daily_backend_seconds FROM t2i_role_quotas ORDER BY role_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Quota(rs.getLong(2), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the role quotas failed", e);
        }
        cache = Map.copyOf(out);
        cachedAt = now;
        return out;
    }

    /**
     * @param roleId a role
     * @param quota its limits (both 0: the quota is removed)
     */
    public void set(String roleId, Quota quota) {
        try (Connection c = data.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM t2i_role_quotas WHERE role_id = ?")) {
                ps.setString(1, roleId);
                ps.executeUpdate();
            }
            if (!quota.unlimited()) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO t2i_role_quotas (role_id, daily_images, daily_backend_seconds) VALUES (?, ?, ?)")) {
                    ps.setString(1, roleId);
                    ps.setLong(2, Math.max(0, quota.images()));
                    ps.setLong(3, Math.max(0, quota.backendSeconds()));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Saving the role quota failed", e);
        }
        cache = null;
    }

    /** @param user a user @return their effective daily quota (the largest of their roles'; 0 for no limit) */
    public Quota effective(User user) {
        Map<String, Quota> quotas = all();
        long images = -1;
        long seconds = -1;
        for (String role : user.roles()) {
            Quota q = quotas.get(role);
            images = q == null || q.images() <= 0 || images == 0 ? 0 : Math.max(images, q.images());
            seconds = q == null || q.backendSeconds() <= 0 || seconds == 0 ? 0 : Math.max(seconds, q.backendSeconds());
        }
        return new Quota(Math.max(0, images), Math.max(0, seconds));
    }

    /** @param userId a user @return what they used today (UTC) and how many of their images are still queued */
    public Used used(String userId) {
        ledger.flush();
        try (Connection c = data.getConnection()) {
            long images = 0;
            long millis = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(images), 0), COALESCE(SUM(backend_millis), 0) "
                    + "FROM t2i_usage WHERE usage_day = ? AND user_id = ?")) {
                ps.setString(1, LocalDate.now(ZoneOffset.UTC).toString());
                ps.setString(2, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    images = rs.getLong(1);
                    millis = rs.getLong(2);
                }
            }
            long queued = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(j.batch_size), 0) FROM t2i_job_images i "
                    + "JOIN t2i_jobs j ON i.job_id = j.job_id WHERE j.user_id = ? AND j.state IN ('queued', 'running') "
                    + "AND i.state IN ('queued', 'running')")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    queued = rs.getLong(1);
                }
            }
            return new Used(images, queued, millis);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading today's usage failed", e);
        }
    }

    /**
     * @param user the caller
     * @param request the parsed request
     * @throws ApiError when the request would exceed the user's daily quota
     */
    void check(User user, T2IRequestImpl request) {
        Quota quota = effective(user);
        if (quota.unlimited()) {
            return;
        }
        Used used = used(user.id());
        long asked = request.getOrDefault(CoreParams.IMAGES) * Math.max(1, request.getOrDefault(CoreParams.BATCH_SIZE));
        if (quota.images() > 0 && used.images() + used.queuedImages() + asked > quota.images()) {
            throw new ApiError("Daily image quota exceeded: your roles allow " + quota.images() + " images per day, "
                    + used.images() + " were made today and " + used.queuedImages() + " are queued, this request asks for "
                    + asked + ". The quota resets at 00:00 UTC.");
        }
        if (quota.backendSeconds() > 0 && used.backendMillis() >= quota.backendSeconds() * 1000) {
            throw new ApiError("Daily backend time quota used up: your roles allow " + quota.backendSeconds()
                    + " backend seconds per day and " + used.backendMillis() / 1000 + " were used today. "
                    + "The quota resets at 00:00 UTC.");
        }
    }
}
