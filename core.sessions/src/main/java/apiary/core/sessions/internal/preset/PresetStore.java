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

    /** Stores a preset, replacing one with the same title (ignoring case). */
    public void save(String userId, Preset p) {
        Object[] params = {p.title(), p.author(), p.description(), p.previewImage(), p.starred(),
            json.write(p.paramMap()), p.editId(), userId, PresetTitles.key(p.title())};
        sql.upsert("UPDATE acct_presets SET title = ?, author = ?, description = ?, preview_image = ?, is_starred = ?, "
                + "param_map = ?, edit_id = ? WHERE user_id = ? AND title_key = ?", params,
                "INSERT INTO acct_presets (title, author, description, preview_image, is_starred, param_map, edit_id, "
                + "user_id, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", params);
    }

    /**
     * Saves a preset under a new title and removes the one it was edited from, in one transaction.
     */
    public void replace(String userId, String oldTitle, Preset p) {
        sql.transaction(c -> {
            Sql.update(c, "DELETE FROM acct_presets WHERE user_id = ? AND title_key = ?", userId, PresetTitles.key(oldTitle));
            Sql.update(c, "DELETE FROM acct_presets WHERE user_id = ? AND title_key = ?", userId, PresetTitles.key(p.title()));
            Sql.update(c, "INSERT INTO acct_presets (title, author, description, preview_image, is_starred, param_map, "
                    + "edit_id, user_id, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", p.title(), p.author(),
                    p.description(), p.previewImage(), p.starred(), json.write(p.paramMap()), p.editId(), userId,
                    PresetTitles.key(p.title()));
            return null;
        });
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
