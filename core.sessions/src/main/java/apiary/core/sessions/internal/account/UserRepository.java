package apiary.core.sessions.internal.account;

import java.lang.System.Logger.Level;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.json.Json;
import apiary.core.api.session.User;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;
import apiary.core.api.settings.SettingsTree;
import apiary.core.sessions.internal.LogText;
import apiary.core.sessions.internal.db.Sql;
import apiary.core.sessions.internal.role.RoleStoreImpl;
import apiary.core.sessions.internal.settings.AuthSettings;
import apiary.core.sessions.internal.settings.UserSettingDefs;

/**
 * The user rows and their changed settings, with an in-memory cache of loaded users. Setting values are stored as
 * JSON per dotted id and read back through the setting's type, so a value the definitions no longer accept is
 * dropped with a log line instead of breaking the user.
 */
public final class UserRepository {
    private static final System.Logger LOG = System.getLogger(UserRepository.class.getName());
    private static final String UPDATE_SETTING = "UPDATE acct_user_settings SET value_json = ? WHERE user_id = ? AND setting_path = ?";
    private static final String INSERT_SETTING = "INSERT INTO acct_user_settings (value_json, user_id, setting_path) VALUES (?, ?, ?)";

    private final Sql sql;
    private final Json json;
    private final RoleStoreImpl roles;
    private final AuthSettings auth;
    private final Map<String, UserImpl> cache = new ConcurrentHashMap<>();

    UserRepository(Sql sql, Json json, RoleStoreImpl roles, AuthSettings auth) {
        this.sql = sql;
        this.json = json;
        this.roles = roles;
        this.auth = auth;
    }

    /** @return the user, loaded from the database when not cached */
    public Optional<UserImpl> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        UserImpl cached = cache.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (sql.queryOne("SELECT 1 FROM acct_users WHERE user_id = ?", rs -> 1, id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(cache.computeIfAbsent(id, k -> new UserImpl(k, roles, auth, loadSettings(k))));
    }

    /** @return the single user of local mode, created as an owner on first use */
    public UserImpl local() {
        return find(User.LOCAL).orElseGet(() -> {
            try {
                return create(User.LOCAL, "", List.of("owner"), false);
            } catch (IllegalStateException raced) {
                return find(User.LOCAL).orElseThrow();
            }
        });
    }

    /**
     * @throws IllegalStateException when the id is taken
     */
    UserImpl create(String id, String passwordHash, List<String> roleIds, boolean setByAdmin) {
        if (find(id).isPresent()) {
            throw new IllegalStateException("A user named '" + id + "' already exists");
        }
        String rolesJson = json.write(List.copyOf(roleIds));
        try {
            sql.transaction(c -> {
                Sql.update(c, "INSERT INTO acct_users (user_id, password_hash, password_set_by_admin, created_millis) "
                        + "VALUES (?, ?, ?, ?)", id, passwordHash, setByAdmin, System.currentTimeMillis());
                Sql.update(c, INSERT_SETTING, rolesJson, id, UserSettingDefs.ROLES);
                return null;
            });
        } catch (RuntimeException e) {
            if (find(id).isPresent()) {
                throw new IllegalStateException("A user named '" + id + "' already exists");
            }
            throw e;
        }
        return find(id).orElseThrow();
    }

    /** Deletes the user row (everything owned by the user goes with it, by foreign key). */
    boolean delete(String id) {
        cache.remove(id);
        return sql.update("DELETE FROM acct_users WHERE user_id = ?", id) > 0;
    }

    /** @return every stored user id, sorted */
    List<String> ids() {
        return sql.query("SELECT user_id FROM acct_users ORDER BY user_id", rs -> rs.getString(1));
    }

    /** @return the stored password hash, empty when the user has none */
    String passwordHash(String id) {
        return sql.queryOne("SELECT password_hash FROM acct_users WHERE user_id = ?", rs -> rs.getString(1), id).orElse("");
    }

    /** @return SwarmUI's IsPasswordSetByAdmin */
    boolean passwordSetByAdmin(String id) {
        return sql.queryOne("SELECT password_set_by_admin FROM acct_users WHERE user_id = ?", rs -> rs.getBoolean(1), id)
                .orElse(false);
    }

    void setPasswordHash(String id, String hash, boolean setByAdmin) {
        sql.update("UPDATE acct_users SET password_hash = ?, password_set_by_admin = ? WHERE user_id = ?", hash, setByAdmin, id);
    }

    /** The longest value one user setting may hold; settings are words, lists of names and short templates. */
    static final int MAX_SETTING_CHARS = 64 * 1024;

    /**
     * Checks and converts every change first, then stores them all in one transaction.
     *
     * @throws IllegalArgumentException naming the first invalid value; nothing is stored then
     */
    void changeSettings(UserImpl user, Map<String, Object> changes, boolean allowRestricted) {
        Map<String, Object> typed = new HashMap<>();
        for (Map.Entry<String, Object> e : changes.entrySet()) {
            String path = e.getKey().toLowerCase(Locale.ROOT);
            SettingDef def = SettingsTree.find(auth.userTree(), path).orElse(null);
            if (def == null || def.type() == SettingType.GROUP) {
                LOG.log(Level.INFO, "User {0} tried to change unknown setting ''{1}''; skipped", user.id(), LogText.oneLine(e.getKey()));
                continue;
            }
            if (def.restricted() && !allowRestricted) {
                LOG.log(Level.WARNING, "User {0} tried to change restricted setting ''{1}''; skipped", user.id(), LogText.oneLine(e.getKey()));
                continue;
            }
            Object value = SettingsTree.coerce(def, e.getValue());
            if (json.write(value).length() > MAX_SETTING_CHARS) {
                throw new IllegalArgumentException("The value for setting '" + path + "' is too long (at most "
                        + MAX_SETTING_CHARS + " characters).");
            }
            typed.put(path, value);
        }
        if (typed.isEmpty()) {
            return;
        }
        synchronized (user) {
            store(user, typed);
        }
    }

    private void store(UserImpl user, Map<String, Object> typed) {
        sql.transaction(c -> {
            for (Map.Entry<String, Object> e : typed.entrySet()) {
                Object[] params = {json.write(e.getValue()), user.id(), e.getKey()};
                if (Sql.update(c, UPDATE_SETTING, params) == 0) {
                    Sql.update(c, INSERT_SETTING, params);
                }
            }
            return null;
        });
        user.overrides().putAll(typed);
    }

    /** @return the user's settings tree in SwarmUI's node format */
    Map<String, Object> settingsTree(UserImpl user, boolean includeRestricted) {
        return SettingsTree.render(auth.userTree(), user::setting, false, includeRestricted);
    }

    private Map<String, Object> loadSettings(String id) {
        Map<String, Object> out = new HashMap<>();
        for (String[] row : sql.query("SELECT setting_path, value_json FROM acct_user_settings WHERE user_id = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, id)) {
            SettingDef def = SettingsTree.find(auth.userTree(), row[0]).orElse(null);
            try {
                if (def == null || def.type() == SettingType.GROUP) {
                    throw new IllegalArgumentException("no such setting");
                }
                out.put(row[0], SettingsTree.coerce(def, json.read(row[1])));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Ignoring stored setting {0} of user {1}: {2}", row[0], id, e.getMessage());
            }
        }
        return out;
    }
}
