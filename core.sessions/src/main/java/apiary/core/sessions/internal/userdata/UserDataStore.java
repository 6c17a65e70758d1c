package apiary.core.sessions.internal.userdata;

import java.util.Optional;

import apiary.core.api.route.ApiError;
import apiary.core.api.user.UserDataReader;

import apiary.core.sessions.internal.db.SessionsDatabase;
import apiary.core.sessions.internal.db.Sql;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Small named values per user (SwarmUI's "generic data"): starred models, model preset links, parameter edits and
 * API keys, each stored as text with the time it was last written.
 */
@Component(service = {UserDataStore.class, UserDataReader.class})
public final class UserDataStore implements UserDataReader {
    /** Name of the starred-models object. */
    public static final String STARRED_MODELS = "starred_models";
    /** Name of the model-to-preset links object. */
    public static final String MODEL_PRESET_LINKS = "model_preset_links";
    /** Name of the parameter edits object. */
    public static final String PARAM_EDITS = UserDataReader.PARAM_EDITS;

    /** A stored value and when it was written. */
    public record Entry(String value, long updatedMillis) {
    }

    private final Sql sql;

    /** @param database the account tables */
    @Activate
    public UserDataStore(@Reference SessionsDatabase database) {
        this.sql = database.sql();
    }

    /** @return the entry, if stored */
    public Optional<Entry> get(String userId, String name) {
        return sql.queryOne("SELECT data_value, updated_millis FROM acct_user_data WHERE user_id = ? AND data_name = ?",
                rs -> new Entry(rs.getString(1), rs.getLong(2)), userId, name);
    }

    @Override
    public Optional<String> read(String userId, String name) {
        return get(userId, name).map(Entry::value);
    }

    /** The most one value may hold: starred-model lists and parameter edits are far smaller. */
    public static final int MAX_VALUE_CHARS = 1024 * 1024;

    /**
     * Stores a value, replacing any previous one.
     *
     * @throws ApiError when the value is larger than {@link #MAX_VALUE_CHARS}
     */
    public void put(String userId, String name, String value) {
        if (value.length() > MAX_VALUE_CHARS) {
            throw new ApiError("That data is too large to store (" + value.length() / 1024 + " KiB; at most "
                    + MAX_VALUE_CHARS / 1024 + " KiB).");
        }
        long now = System.currentTimeMillis();
        sql.upsert("UPDATE acct_user_data SET data_value = ?, updated_millis = ? WHERE user_id = ? AND data_name = ?",
                new Object[] {value, now, userId, name},
                "INSERT INTO acct_user_data (data_value, updated_millis, user_id, data_name) VALUES (?, ?, ?, ?)",
                new Object[] {value, now, userId, name});
    }

    /** @return whether a value was removed */
    public boolean remove(String userId, String name) {
        return sql.update("DELETE FROM acct_user_data WHERE user_id = ? AND data_name = ?", userId, name) > 0;
    }
}
