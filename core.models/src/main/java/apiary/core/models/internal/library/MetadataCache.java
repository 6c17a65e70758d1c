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
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import apiary.core.api.data.Database;
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
            + ");\n",
            ListingSnapshot.MIGRATION);
    private static final int BATCH = 500;

    /** One cached entry: valid while the file's size and time and its sidecars' stamp are unchanged. */
    record Row(String path, long size, long modified, long sidecars, ModelMetadata metadata) {
    }

    private final Database database;

    MetadataCache(Database database) {
        this.database = database;
        database.migrate(MODULE, MIGRATIONS);
    }

    /** @return every cached row by path, in one query; rows that do not decode are left out (and re-read from the file) */
    Map<String, Row> loadAll() {
        Map<String, Row> out = new HashMap<>();
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT path, size, modified, sidecars, data FROM model_metadata")) {
            while (rs.next()) {
                String path = rs.getString(1);
                try {
                    out.put(path, new Row(path, rs.getLong(2), rs.getLong(3), rs.getLong(4), MetadataCodec.decode(rs.getString(5))));
                } catch (IllegalArgumentException bad) {
                    // A damaged row (or one from an older cache format) just means the file is read again.
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the model metadata cache failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Stores rows, replacing earlier ones for the same paths, in batches. */
    void putAll(List<Row> rows) {
        putAll(rows, path -> true);
    }

    /**
     * Stores rows in batches: rows whose path may already have one are updated in place (a hash or an edit rewrites
     * one row, not a delete and an insert), the others inserted (a first scan of 10,000 files costs 10,000 inserts,
     * not 10,000 updates of nothing as well).
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
            InTransaction.run(c, () -> {
                try (PreparedStatement upd = c.prepareStatement(
                        "UPDATE model_metadata SET size = ?, modified = ?, sidecars = ?, data = ? WHERE id = ?");
                        PreparedStatement ins = c.prepareStatement(
                                "INSERT INTO model_metadata (id, path, size, modified, sidecars, data) VALUES (?, ?, ?, ?, ?, ?)")) {
                    List<Row> updated = new ArrayList<>();
                    for (Row r : rows) {
                        if (stored.test(r.path())) {
                            upd.setLong(1, r.size());
                            upd.setLong(2, r.modified());
                            upd.setLong(3, r.sidecars());
                            upd.setString(4, MetadataCodec.encode(r.metadata()));
                            upd.setString(5, id(r.path()));
                            upd.addBatch();
                            updated.add(r);
                        }
                    }
                    int[] counts = updated.isEmpty() ? new int[0] : upd.executeBatch();
                    Set<Row> done = Collections.newSetFromMap(new IdentityHashMap<>());
                    for (int i = 0; i < counts.length; i++) {
                        if (counts[i] != 0) {
                            done.add(updated.get(i));
                        }
                    }
                    boolean inserts = false;
                    for (Row r : rows) {
                        if (!done.contains(r)) {
                            ins.setString(1, id(r.path()));
                            ins.setString(2, r.path());
                            ins.setLong(3, r.size());
                            ins.setLong(4, r.modified());
                            ins.setLong(5, r.sidecars());
                            ins.setString(6, MetadataCodec.encode(r.metadata()));
                            ins.addBatch();
                            inserts = true;
                        }
                    }
                    if (inserts) {
                        ins.executeBatch();
                    }
                }
            });
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
