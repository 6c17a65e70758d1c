package apiary.core.sessions.internal.role;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import apiary.core.api.json.Json;
import apiary.core.api.user.RoleInfo;
import apiary.core.sessions.internal.db.Sql;

/**
 * Rows of {@code acct_roles} and {@code acct_role_tracked}; lists are stored as JSON arrays. Besides SwarmUI's
 * fields a role keeps Apiary's two generation limits, {@code max_queued_images} and {@code scheduling_weight}.
 */
final class RoleTable {
    private static final String UPDATE = "UPDATE acct_roles SET name = ?, description = ?, max_outpath_depth = ?, "
            + "max_t2i_simultaneous = ?, allow_unsafe_outpaths = ?, model_whitelist = ?, model_blacklist = ?, "
            + "permissions = ?, max_queued_images = ?, scheduling_weight = ? WHERE role_id = ?";
    private static final String INSERT = "INSERT INTO acct_roles (name, description, max_outpath_depth, "
            + "max_t2i_simultaneous, allow_unsafe_outpaths, model_whitelist, model_blacklist, permissions, "
            + "max_queued_images, scheduling_weight, role_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Sql sql;
    private final Json json;

    RoleTable(Sql sql, Json json) {
        this.sql = sql;
        this.json = json;
    }

    List<RoleInfo> loadAll() {
        return sql.query("SELECT role_id, name, description, max_outpath_depth, max_t2i_simultaneous, "
                + "allow_unsafe_outpaths, model_whitelist, model_blacklist, permissions, max_queued_images, "
                + "scheduling_weight FROM acct_roles", this::map);
    }

    Set<String> tracked() {
        return new HashSet<>(sql.query("SELECT permission_id FROM acct_role_tracked", rs -> rs.getString(1)));
    }

    void save(RoleInfo role) {
        Object[] params = params(role);
        sql.upsert(UPDATE, params, INSERT, params);
    }

    /** Saves roles and marks permissions as granted, all in one transaction. */
    void saveWithTracked(List<RoleInfo> roles, List<String> newlyTracked) {
        sql.transaction(c -> {
            for (RoleInfo role : roles) {
                Object[] params = params(role);
                if (Sql.update(c, UPDATE, params) == 0) {
                    Sql.update(c, INSERT, params);
                }
            }
            for (String id : newlyTracked) {
                insertTracked(c, id);
            }
            return null;
        });
    }

    boolean delete(String id) {
        return sql.update("DELETE FROM acct_roles WHERE role_id = ?", id) > 0;
    }

    private static void insertTracked(Connection c, String id) throws SQLException {
        Sql.update(c, "INSERT INTO acct_role_tracked (permission_id) VALUES (?)", id);
    }

    private Object[] params(RoleInfo r) {
        return new Object[] {r.name(), r.description(), r.maxOutPathDepth(), r.maxT2ISimultaneous(),
            r.allowUnsafeOutpaths(), json.write(r.modelWhitelist()), json.write(r.modelBlacklist()),
            json.write(new ArrayList<>(r.permissions())), r.maxQueuedImages(), r.schedulingWeight(), r.id()};
    }

    private RoleInfo map(ResultSet rs) throws SQLException {
        return RoleInfo.of(rs.getString(1), rs.getString(2))
                .withDescription(rs.getString(3))
                .withMaxOutPathDepth(rs.getInt(4))
                .withMaxT2ISimultaneous(rs.getInt(5))
                .withAllowUnsafeOutpaths(rs.getBoolean(6))
                .withModelWhitelist(strings(rs.getString(7)))
                .withModelBlacklist(strings(rs.getString(8)))
                .withPermissions(new LinkedHashSet<>(strings(rs.getString(9))))
                .withMaxQueuedImages(rs.getInt(10))
                .withSchedulingWeight(rs.getDouble(11))
                .withBuiltIn(BuiltInRoles.isBuiltIn(rs.getString(1)));
    }

    private List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        Object parsed = json.read(text);
        if (parsed instanceof List) {
            for (Object o : (List<?>) parsed) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }
}
