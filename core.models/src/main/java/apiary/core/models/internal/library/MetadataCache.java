package apiary.core.models.internal.library;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import apiary.core.api.data.Database;
import apiary.core.api.json.Json;
import apiary.core.models.internal.meta.MetadataCodec;
import apiary.core.models.internal.meta.ModelMetadata;

/**
 * The metadata cache, table {@code model_metadata}: one row per model file (keyed by its absolute path), valid while
 * the file's size and modification time are unchanged, so a restart does not re-read every header.
 */
final class MetadataCache {
    static final String MODULE = "core.models";
    static final List<String> MIGRATIONS = List.of(
            "CREATE TABLE model_metadata (\n"
            + "  id VARCHAR(64) PRIMARY KEY,\n"
            + "  path TEXT NOT NULL,\n"
            + "  size BIGINT NOT NULL,\n"
            + "  modified BIGINT NOT NULL,\n"
            + "  sidecars BIGINT NOT NULL,\n"
            + "  data TEXT NOT NULL\n"
            + ");\n");
    private static final int BATCH = 500;

    /** One cached entry: valid while the file's size and time and its sidecars' stamp are unchanged. */
    record Row(String path, long size, long modified, long sidecars, ModelMetadata metadata) {
    }

    private final Database database;
    private final Json json;

    MetadataCache(Database database, Json json) {
        this.database = database;
        this.json = json;
        database.migrate(MODULE, MIGRATIONS);
    }

    /** @return every cached row by path; rows that do not parse are left out (and re-read from the file) */
    Map<String, Row> loadAll() {
        List<Object[]> raw = new ArrayList<>();
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT path, size, modified, sidecars, data FROM model_metadata")) {
            while (rs.next()) {
                raw.add(new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the model metadata cache failed: " + e.getMessage(), e);
        }
        Map<String, Row> out = new ConcurrentHashMap<>();
        raw.parallelStream().forEach(r -> {
            try {
                out.put((String) r[0], new Row((String) r[0], (Long) r[1], (Long) r[2], (Long) r[3],
                        MetadataCodec.fromMap(json.readObject((String) r[4]))));
            } catch (IllegalArgumentException bad) {
                // A damaged row just means the file is read again.
            }
        });
        return new HashMap<>(out);
    }

    /** Stores rows, replacing earlier ones for the same paths, in batches. */
    void putAll(List<Row> rows) {
        putAll(rows, path -> true);
    }

    /**
     * Stores rows in batches; only rows whose path may already have one are deleted first (a first scan of 10,000
     * files then costs 10,000 inserts, not 10,000 deletes of nothing as well).
     *
     * @param rows the rows
     * @param stored whether a row for a path may already be stored
     */
    void putAll(List<Row> rows, Predicate<String> stored) {
        for (int i = 0; i < rows.size(); i += BATCH) {
            write(rows.subList(i, Math.min(rows.size(), i + BATCH)), stored);
        }
    }

    private void write(List<Row> rows, Predicate<String> stored) {
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM model_metadata WHERE id = ?");
                    PreparedStatement ins = c.prepareStatement(
                            "INSERT INTO model_metadata (id, path, size, modified, sidecars, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                boolean deletes = false;
                for (Row r : rows) {
                    String id = id(r.path());
                    if (stored.test(r.path())) {
                        del.setString(1, id);
                        del.addBatch();
                        deletes = true;
                    }
                    ins.setString(1, id);
                    ins.setString(2, r.path());
                    ins.setLong(3, r.size());
                    ins.setLong(4, r.modified());
                    ins.setLong(5, r.sidecars());
                    ins.setString(6, json.write(MetadataCodec.toMap(r.metadata())));
                    ins.addBatch();
                }
                if (deletes) {
                    del.executeBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the model metadata cache failed: " + e.getMessage(), e);
        }
    }

    /** Removes the rows of files that no longer exist. */
    void removeAll(List<String> paths) {
        try (Connection c = database.dataSource().getConnection();
                PreparedStatement del = c.prepareStatement("DELETE FROM model_metadata WHERE id = ?")) {
            for (String p : paths) {
                del.setString(1, id(p));
                del.addBatch();
            }
            del.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing the model metadata cache failed: " + e.getMessage(), e);
        }
    }

    /** Empties the cache ({@code WipeMetadata}). */
    void clear() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM model_metadata");
        } catch (SQLException e) {
            throw new IllegalStateException("Clearing the model metadata cache failed: " + e.getMessage(), e);
        }
    }

    /** Paths can be longer than an index allows; the key is their SHA-256. */
    private static String id(String path) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
