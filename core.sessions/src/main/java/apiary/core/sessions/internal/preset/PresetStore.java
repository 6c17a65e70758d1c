package apiary.core.sessions.internal.preset;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;
import apiary.core.sessions.internal.db.SessionsDatabase;
import apiary.core.sessions.internal.db.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The presets of every user in {@code acct_presets}, keyed by user and lower-cased title. */
@Component(service = PresetStore.class)
public final class PresetStore {
    private static final String COLUMNS = "author, title, description, preview_image, is_starred, param_map, edit_id";
    private static final String INSERT = "INSERT INTO acct_presets (title, author, description, preview_image, is_starred, "
            + "param_map, edit_id, user_id, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Sql sql;
    private final Json json;

    /**
     * @param database the account tables
     * @param json JSON for the parameter map
     */
    @Activate
    public PresetStore(@Reference SessionsDatabase database, @Reference Json json) {
        this.sql = database.sql();
        this.json = json;
    }

    /** @return the user's presets, ordered by title ignoring case */
    public List<Preset> list(String userId) {
        return sql.query("SELECT " + COLUMNS + " FROM acct_presets WHERE user_id = ? ORDER BY title_key", this::map, userId);
    }

    /** @return the preset whose title equals the given one ignoring case */
    public Optional<Preset> find(String userId, String title) {
        return sql.queryOne("SELECT " + COLUMNS + " FROM acct_presets WHERE user_id = ? AND title_key = ?", this::map,
                userId, PresetTitles.key(title));
    }

    /** What an edit that renames a preset found. */
    public enum Rename { DONE, NO_SUCH_PRESET, TITLE_TAKEN }

    /** Stores a preset, replacing one with the same title (ignoring case): an edit in place. */
    public void save(String userId, Preset p) {
        Object[] params = {p.title(), p.author(), p.description(), p.previewImage(), p.starred(),
            json.write(p.paramMap()), p.editId(), userId, PresetTitles.key(p.title())};
        sql.upsert("UPDATE acct_presets SET title = ?, author = ?, description = ?, preview_image = ?, is_starred = ?, "
                + "param_map = ?, edit_id = ? WHERE user_id = ? AND title_key = ?", params, INSERT, params);
    }

    /**
     * Stores a new preset unless its title (ignoring case) is taken, decided by the table's key, so that of two
     * writers racing for one title exactly one succeeds.
     *
     * @return false when the title was taken
     */
    public boolean insert(String userId, Preset p) {
        return sql.insertIfAbsent(INSERT, p.title(), p.author(), p.description(), p.previewImage(), p.starred(),
                json.write(p.paramMap()), p.editId(), userId, PresetTitles.key(p.title()));
    }

    /**
     * Moves a preset to a new title with new contents in one statement: it never deletes another preset, and two
     * renames at once cannot both take one title or lose the preset.
     */
    public Rename rename(String userId, String oldTitle, Preset p) {
        int n = sql.updateUnlessDuplicate("UPDATE acct_presets SET title_key = ?, title = ?, author = ?, description = ?, "
                + "preview_image = ?, is_starred = ?, param_map = ?, edit_id = ? WHERE user_id = ? AND title_key = ?",
                PresetTitles.key(p.title()), p.title(), p.author(), p.description(), p.previewImage(), p.starred(),
                json.write(p.paramMap()), p.editId(), userId, PresetTitles.key(oldTitle));
        return n < 0 ? Rename.TITLE_TAKEN : n == 0 ? Rename.NO_SUCH_PRESET : Rename.DONE;
    }

    /** @return how many presets the user has and how many characters they take */
    public long[] usage(String userId) {
        return sql.queryOne("SELECT COUNT(*), COALESCE(SUM(LENGTH(title) + LENGTH(description) + LENGTH(preview_image) "
                + "+ LENGTH(param_map)), 0) FROM acct_presets WHERE user_id = ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, userId).orElse(new long[] {0, 0});
    }

    /** @return whether a preset was deleted */
    public boolean delete(String userId, String title) {
        return sql.update("DELETE FROM acct_presets WHERE user_id = ? AND title_key = ?", userId, PresetTitles.key(title)) > 0;
    }

    private Preset map(ResultSet rs) throws SQLException {
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : json.readObject(rs.getString(6)).entrySet()) {
            params.put(e.getKey(), e.getValue() == null ? "" : String.valueOf(e.getValue()));
        }
        return new Preset(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), params,
                rs.getLong(7));
    }
}
