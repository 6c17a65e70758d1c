package apiary.core.server.internal.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.data.Database;

/** The {@code server_settings} table: one row per changed setting, its value as JSON text. */
final class SettingsTable {
    static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE server_settings (path VARCHAR(400) PRIMARY KEY, value_json TEXT NOT NULL)");

    private final Database database;

    SettingsTable(Database database) {
        this.database = database;
        database.migrate("core.server.settings", MIGRATIONS);
    }

    Map<String, String> readAll() {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT path, value_json FROM server_settings");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read server settings: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Writes all rows in one transaction, so a change is stored whole or not at all. */
    void writeAll(Map<String, String> rows) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE server_settings SET value_json = ? WHERE path = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO server_settings (path, value_json) VALUES (?, ?)")) {
                for (Map.Entry<String, String> e : rows.entrySet()) {
                    update.setString(1, e.getValue());
                    update.setString(2, e.getKey());
                    if (update.executeUpdate() == 0) {
                        insert.setString(1, e.getKey());
                        insert.setString(2, e.getValue());
                        insert.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store server settings: " + e.getMessage(), e);
        }
    }
}
