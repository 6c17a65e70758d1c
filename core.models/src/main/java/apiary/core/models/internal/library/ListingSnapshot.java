package apiary.core.models.internal.library;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import apiary.core.api.data.Database;
import apiary.core.models.internal.meta.FieldText;
import apiary.core.models.internal.meta.MetadataCodec;
import apiary.core.models.internal.paths.ModelFolders;

/**
 * The whole model listing as one row of table {@code model_listing}, with the model folders it was made from: a
 * restart serves it at once (one query, one pass over one text) while the files are checked in the background,
 * instead of making the first listing wait for a walk of every folder and 10,000 cache rows. Written after a scan
 * that changed what it holds; a snapshot of other folders is never used.
 */
final class ListingSnapshot {
    private static final System.Logger LOG = System.getLogger(ListingSnapshot.class.getName());
    /** The table, created by the module's second migration (see {@link MetadataCache#MIGRATIONS}). */
    static final String MIGRATION = "CREATE TABLE model_listing (\n"
            + "  id INT PRIMARY KEY,\n"
            + "  folders TEXT NOT NULL,\n"
            + "  data TEXT NOT NULL\n"
            + ");\n";
    private static final String VERSION = "l1;";

    private final Database database;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** What the table holds (scan thread only). */
    private ModelIndex stored = ModelIndex.EMPTY;

    /** @param database the database, already migrated by {@link MetadataCache} */
    ListingSnapshot(Database database) {
        this.database = database;
    }

    /**
     * Queues a write of the library's listing on its scan thread, unless one is queued already (that one writes the
     * listing as it is when it runs); nothing is written when it is the one stored.
     *
     * @param scans the scan thread
     * @param current gives the current listing
     * @param folders gives the current model folders
     */
    void storeLater(ScanThread scans, Supplier<ModelIndex> current, Supplier<String> folders) {
        if (queued.compareAndSet(false, true)) {
            scans.later(() -> {
                queued.set(false);
                ModelIndex now = current.get();
                if (!now.sameRecords(stored)) {
                    store(folders.get(), now, ModelFolders.subtypes());
                    stored = now;
                }
            });
        }
    }

    /**
     * @param folders the current model folders, as {@link #storeLater} was given them
     * @return the stored listing, or empty when none is stored, it was made from other folders or does not decode
     */
    Optional<ModelIndex> load(String folders) {
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT folders, data FROM model_listing WHERE id = 1")) {
            if (!rs.next() || !folders.equals(rs.getString(1))) {
                return Optional.empty();
            }
            stored = decode(rs.getString(2));
            return Optional.of(stored);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The stored model listing cannot be used (the folders are scanned instead): {0}", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Replaces the stored listing (scan thread).
     *
     * @param folders the model folders it was made from
     * @param index the listing
     * @param subtypes every subtype
     */
    private void store(String folders, ModelIndex index, Collection<String> subtypes) {
        long start = System.nanoTime();
        String data = encode(index, subtypes);
        try (Connection c = database.dataSource().getConnection()) {
            InTransaction.run(c, () -> {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM model_listing WHERE id = 1");
                        PreparedStatement ins = c.prepareStatement("INSERT INTO model_listing (id, folders, data) VALUES (1, ?, ?)")) {
                    del.executeUpdate();
                    ins.setString(1, folders);
                    ins.setString(2, data);
                    ins.executeUpdate();
                }
            });
            LOG.log(Level.INFO, "Model listing stored: {0} models, in {1} ms", index.size(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not store the model listing: {0}", e.getMessage());
        }
    }

    static String encode(ModelIndex index, Collection<String> subtypes) {
        StringBuilder out = new StringBuilder(VERSION);
        for (String subtype : subtypes) {
            for (ModelRecord r : index.models(subtype)) {
                FieldText.put(out, r.subtype());
                FieldText.put(out, r.name());
                FieldText.put(out, r.path().toString());
                FieldText.put(out, r.folder().toString());
                FieldText.put(out, Integer.toString(r.otherPaths().size()));
                r.otherPaths().forEach(p -> FieldText.put(out, p.toString()));
                FieldText.put(out, Long.toString(r.size()));
                FieldText.put(out, Long.toString(r.modified()));
                FieldText.put(out, Long.toString(r.created()));
                MetadataCodec.write(out, r.metadata());
            }
        }
        return out.toString();
    }

    /** @throws IllegalArgumentException when the text is not a snapshot or is damaged */
    static ModelIndex decode(String text) {
        if (!text.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a model listing snapshot");
        }
        Map<String, TreeMap<String, ModelRecord>> bySubtype = new HashMap<>();
        Map<String, Path> paths = new HashMap<>(); // folders repeat: one Path object each
        try {
            FieldText.Reader r = new FieldText.Reader(text, VERSION.length());
            while (!r.atEnd()) {
                String subtype = r.next().intern();
                String name = r.next();
                Path path = Path.of(r.next());
                Path folder = paths.computeIfAbsent(r.next(), Path::of);
                int others = Integer.parseInt(r.next());
                List<Path> otherPaths = new ArrayList<>(others);
                for (int i = 0; i < others; i++) {
                    otherPaths.add(Path.of(r.next()));
                }
                long size = Long.parseLong(r.next());
                long modified = Long.parseLong(r.next());
                long created = Long.parseLong(r.next());
                ModelRecord record = new ModelRecord(subtype, name, path, folder, List.copyOf(otherPaths), size, modified, created,
                        MetadataCodec.read(r));
                bySubtype.computeIfAbsent(subtype, s -> new TreeMap<>()).put(name, record);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("Damaged model listing snapshot", e);
        }
        return new ModelIndex(bySubtype);
    }
}
