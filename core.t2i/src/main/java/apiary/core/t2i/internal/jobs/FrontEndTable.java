package apiary.core.t2i.internal.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

/**
 * The {@code t2i_front_ends} table: one row per running front end with the time of its latest heartbeat (written by
 * the front end itself; other front ends only watch whether it changes), and the front ends that own unfinished jobs.
 */
final class FrontEndTable {
    private final DataSource data;

    FrontEndTable(DataSource data) {
        this.data = data;
    }

    void register(String id, long now) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO t2i_front_ends (front_end, heartbeat_millis, started_millis) VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setLong(2, now);
            ps.setLong(3, now);
            ps.executeUpdate();
        }
    }

    /** @return false when the row is gone: another front end declared this one dead */
    boolean beat(String id, long now) throws SQLException {
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE t2i_front_ends SET heartbeat_millis = ? WHERE front_end = ?")) {
            ps.setLong(1, now);
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * Removes a front end's row, unless it beat since it was seen (it is alive after all).
     *
     * @param seenBeat the heartbeat value last seen, or -1 to remove whatever it is
     */
    void remove(String id, long seenBeat) throws SQLException {
        String sql = "DELETE FROM t2i_front_ends WHERE front_end = ?" + (seenBeat < 0 ? "" : " AND heartbeat_millis = ?");
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            if (seenBeat >= 0) {
                ps.setLong(2, seenBeat);
            }
            ps.executeUpdate();
        }
    }

    /** @return every registered front end and its latest heartbeat value */
    Map<String, Long> beats() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT front_end, heartbeat_millis FROM t2i_front_ends"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** @return the front ends, other than the given one, recorded as running unfinished jobs */
    Set<String> owningUnfinishedJobs(String except) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (Connection c = data.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT front_end FROM t2i_jobs WHERE state IN ('queued', 'running') AND front_end <> ?")) {
            ps.setString(1, except);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
