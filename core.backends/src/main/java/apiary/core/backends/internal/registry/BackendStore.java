package apiary.core.backends.internal.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import apiary.core.api.data.Database;
import apiary.core.api.json.Json;

/**
 * Persists backend entries in the server database, table {@code backends}; every write is durable on return. Each
 * entry belongs to a node (framework property {@value #NODE_PROPERTY}, default empty): front ends that share one
 * database (PostgreSQL) and set different node names keep and drive their own entries, never one another's; ids
 * are unique across all nodes, so {@code exactbackendid} means one entry wherever it is read.
 */
final class BackendStore {
    static final String MODULE = "core.backends";
    /** Framework property: this front end's node name. */
    static final String NODE_PROPERTY = "apiary.node";
    static final int MAX_TYPE_ID = 200;
    static final int MAX_TITLE = 10_000;
    static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE backends (\n"
            + "  id INT PRIMARY KEY,\n"
            + "  type_id VARCHAR(200) NOT NULL,\n"
            + "  title VARCHAR(10000) NOT NULL,\n"
            + "  enabled BOOLEAN NOT NULL,\n"
            + "  settings VARCHAR(1000000) NOT NULL,\n"
            + "  modcount INT NOT NULL\n"
            + ");\n",
            "ALTER TABLE backends ADD COLUMN node VARCHAR(200) DEFAULT '' NOT NULL;\n");

    private final Database database;
    private final Json json;
    private final String node;

    /**
     * @param database the server database (migrated here)
     * @param json JSON for the settings column
     * @param node this front end's node name ({@value #NODE_PROPERTY}); empty for the default node
     */
    BackendStore(Database database, Json json, String node) {
        this.database = database;
        this.json = json;
        this.node = node == null ? "" : node.strip();
        if (this.node.length() > 200) {
            throw new IllegalArgumentException(NODE_PROPERTY + " is longer than 200 characters");
        }
        database.migrate(MODULE, MIGRATIONS);
    }

    /** @return every stored entry of this node, by id */
    List<StoredBackend> loadAll() {
        List<StoredBackend> out = new ArrayList<>();
        String sql = "SELECT id, type_id, title, enabled, settings, modcount FROM backends WHERE node = ? ORDER BY id";
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StoredBackend(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            json.readObject(rs.getString(5)), rs.getInt(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the backends table failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** @return the lowest id above every entry of every node */
    int nextFreeId() {
        return queryInt("SELECT COALESCE(MAX(id), -1) + 1 FROM backends", null);
    }

    /** @return whether any node has an entry with the id */
    boolean idTaken(int id) {
        return queryInt("SELECT COUNT(*) FROM backends WHERE id = ?", id) > 0;
    }

    private int queryInt(String sql, Integer arg) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) {
                ps.setInt(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the backends table failed: " + e.getMessage(), e);
        }
    }

    void insert(StoredBackend b) {
        update("INSERT INTO backends (type_id, title, enabled, settings, modcount, id, node) VALUES (?, ?, ?, ?, ?, ?, ?)", b);
    }

    void save(StoredBackend b) {
        update("UPDATE backends SET type_id = ?, title = ?, enabled = ?, settings = ?, modcount = ? WHERE id = ? AND node = ?", b);
    }

    /** Moves an entry to a new id and saves its fields, in one statement. */
    void move(int oldId, StoredBackend b) {
        execute("UPDATE backends SET id = ?, type_id = ?, title = ?, enabled = ?, settings = ?, modcount = ? WHERE id = ? AND node = ?",
                ps -> {
                    ps.setInt(1, b.id());
                    bindFields(ps, 2, b);
                    ps.setInt(7, oldId);
                    ps.setString(8, node);
                });
    }

    void delete(int id) {
        execute("DELETE FROM backends WHERE id = ? AND node = ?", ps -> {
            ps.setInt(1, id);
            ps.setString(2, node);
        });
    }

    private void update(String sql, StoredBackend b) {
        execute(sql, ps -> {
            bindFields(ps, 1, b);
            ps.setInt(6, b.id());
            ps.setString(7, node);
        });
    }

    private void bindFields(PreparedStatement ps, int first, StoredBackend b) throws SQLException {
        ps.setString(first, b.type());
        ps.setString(first + 1, b.title());
        ps.setBoolean(first + 2, b.enabled());
        ps.setString(first + 3, json.write(b.settings()));
        ps.setInt(first + 4, b.modcount());
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (Connection c = database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Saving to the backends table failed: " + e.getMessage(), e);
        }
    }
}
