package apiary.core.api.settings;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The server settings: one typed tree assembled from every {@link ServerSettingsContributor}, persisted in the
 * server database, with SwarmUI's setting ids ({@code network.port}, {@code userauthorization.authorizationrequired}...).
 */
@ProviderType
public interface ServerSettings {
    /** @return the current top-level nodes, contributors' nodes merged, in display order */
    List<SettingDef> definitions();

    /**
     * @param path a dotted id, case-insensitive
     * @return the stored value, or the default; typed as {@link SettingType} says
     * @throws IllegalArgumentException if no contributor defines that leaf
     */
    Object get(String path);

    /**
     * Reads a setting by a definition the caller owns, whether or not the store has bound its contributor yet. A
     * bundle reads its own settings this way, so that there is no moment after start-up in which a stored value
     * (say, "login required") is invisible and its default applies instead.
     *
     * @param path the dotted id
     * @param definition the leaf's definition, as the caller contributes it
     * @return the stored value converted by that definition, or its default
     */
    Object get(String path, SettingDef definition);

    /** @param path a dotted id @return the value as text */
    default String getString(String path) {
        Object v = get(path);
        return v == null ? "" : String.valueOf(v);
    }

    /** @param path a dotted id of an integer setting @return the value */
    default long getLong(String path) {
        return ((Number) get(path)).longValue();
    }

    /** @param path a dotted id of a decimal setting @return the value */
    default double getDouble(String path) {
        return ((Number) get(path)).doubleValue();
    }

    /** @param path a dotted id of a boolean setting @return the value */
    default boolean getBoolean(String path) {
        return Boolean.TRUE.equals(get(path));
    }

    /**
     * Applies changes all-or-nothing: every value is checked and converted first; if any is invalid nothing is
     * stored. Unknown ids are skipped and logged, as SwarmUI does; a secret sent back as
     * {@link SettingsTree#SECRET_MASK} keeps its stored value. Listeners are told after the change is stored.
     *
     * @param changes dotted id to new JSON value
     * @return the ids that were actually changed
     * @throws IllegalArgumentException naming the first invalid value
     */
    List<String> change(Map<String, Object> changes);
}
