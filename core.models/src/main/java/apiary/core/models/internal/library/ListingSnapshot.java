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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import apiary.core.api.data.Database;
import apiary.core.models.internal.meta.FieldText;
import apiary.core.models.internal.meta.MetadataCodec;
import apiary.core.models.internal.paths.ModelFolders;
import apiary.core.models.internal.util.Timing;

/**
 * The whole model listing as one row of table {@code model_listing}, with the model folders it was made from: a
 * restart serves it at once (one query, one pass over one text) while the files are checked in the background,
 * instead of making the first listing wait for a walk of every folder and 10,000 cache rows. Each model is stored
 * with its listed JSON ({@link ListedJson}), so that the first listing after a restart copies text instead of
 * serialising 10,000 objects with a cold JIT. Written after a scan that changed what it holds; a snapshot of other
 * folders is never used, nor texts made under another {@link ListedJson#key} or (for models with a preview) edit id.
 */
final class ListingSnapshot {
    /** A stored listing: its index and the texts that are still valid, by record (identity). */
    record Loaded(ModelIndex index, Map<ModelRecord, String> texts) {
        /** @return whether every model came with its text (else the listing is worth storing again) */
        boolean complete() {
            return texts.size() == index.size();
        }
    }

    /**
     * What a snapshot stores of each model's listed JSON.
     *
     * @param key the {@link ListedJson#key} the texts are made under
     * @param editId the preview edit id they are made under
     * @param of gives a model's text
     */
    record Texts(String key, long editId, Function<ModelRecord, String> of) {
    }

    private static final System.Logger LOG = System.getLogger(ListingSnapshot.class.getName());
    /** The table, created by the module's second migration (see {@link MetadataCache#MIGRATIONS}). */
    static final String MIGRATION = "CREATE TABLE model_listing (\n"
            + "  id INT PRIMARY KEY,\n"
            + "  folders TEXT NOT NULL,\n"
            + "  data TEXT NOT NULL\n"
            + ");\n";
    /** The format; a row in another one (the older "l1;", without texts) is not used: the folders are scanned. */
    private static final String VERSION = "l2;";

    private final Database database;
    private final AtomicBoolean queued = new AtomicBoolean();
    /** What the table holds (scan thread only); EMPTY when it should be written again even if nothing changed. */
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
     * @param texts gives the models' listed JSON (asked on the scan thread)
     */
    void storeLater(ScanThread scans, Supplier<ModelIndex> current, Supplier<String> folders, Supplier<Texts> texts) {
        if (queued.compareAndSet(false, true)) {
            scans.later(() -> {
                queued.set(false);
                ModelIndex now = current.get();
                if (!now.sameRecords(stored)) {
                    store(folders.get(), now, ModelFolders.subtypes(), texts.get());
                    stored = now;
                }
            });
        }
    }

    /**
     * @param folders the current model folders, as {@link #storeLater} was given them
     * @param key the current {@link ListedJson#key}
     * @param editId the current preview edit id
     * @return the stored listing, or empty when none is stored, it was made from other folders or does not decode
     */
    Optional<Loaded> load(String folders, String key, long editId) {
        Timing read = Timing.start("stored listing read from the database");
        try (Connection c = database.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT folders, data FROM model_listing WHERE id = 1")) {
            if (!rs.next() || !folders.equals(rs.getString(1))) {
                return Optional.empty();
            }
            String data = rs.getString(2);
            Timing.done(read, data.length() + " chars");
            Timing decoding = Timing.start("stored listing decoded");
            Loaded loaded = decode(data, key, editId);
            Timing.done(decoding, loaded.index().size() + " models, " + loaded.texts().size() + " texts");
            stored = loaded.complete() ? loaded.index() : ModelIndex.EMPTY;
            return Optional.of(loaded);
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
     * @param texts the models' listed JSON
     */
    private void store(String folders, ModelIndex index, Collection<String> subtypes, Texts texts) {
        long start = System.nanoTime();
        String data = encode(index, subtypes, texts);
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

    static String encode(ModelIndex index, Collection<String> subtypes, Texts texts) {
        StringBuilder out = new StringBuilder(VERSION);
        FieldText.put(out, texts.key());
        FieldText.put(out, Long.toString(texts.editId()));
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
                FieldText.put(out, texts.of().apply(r));
            }
        }
        return out.toString();
    }

    /**
     * @param text what {@link #encode} made
     * @param key the current {@link ListedJson#key}: texts stored under another are left out
     * @param editId the current edit id: texts of models with a preview stored under another are left out
     * @return the listing
     * @throws IllegalArgumentException when the text is not a snapshot (of this format) or is damaged
     */
    static Loaded decode(String text, String key, long editId) {
        if (!text.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a model listing snapshot");
        }
        Map<String, TreeMap<String, ModelRecord>> bySubtype = new HashMap<>();
        Map<ModelRecord, String> texts = new IdentityHashMap<>();
        Map<String, Path> paths = new HashMap<>(); // folders repeat: one Path object each
        try {
            FieldText.Reader r = new FieldText.Reader(text, VERSION.length());
            boolean sameKey = key.equals(r.next());
            boolean sameEdit = Long.parseLong(r.next()) == editId;
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
                String json = r.next();
                if (json != null && sameKey && (sameEdit || !ListedJson.editDependent(record))) {
                    texts.put(record, json);
                }
                bySubtype.computeIfAbsent(subtype, s -> new TreeMap<>()).put(name, record);
            }
        } catch (NumberFormatException | IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("Damaged model listing snapshot", e);
        }
        return new Loaded(new ModelIndex(bySubtype), texts);
    }
}
