package apiary.core.api.user;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.session.User;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The persisted user accounts, for the admin routes: list, create, delete, passwords, per-user settings.
 * Validation of names and password lengths belongs to the callers (the routes carry SwarmUI's error texts);
 * this service stores what it is given.
 */
@ProviderType
public interface UserDirectory {
    /** @return the ids of every stored user, sorted, without internal ids starting {@code __} */
    List<String> userIds();

    /**
     * @param userId a user id, exact
     * @return the user, loaded from the database if needed
     */
    Optional<User> find(String userId);

    /**
     * Creates a user.
     *
     * @param userId the new, already cleaned id
     * @param password the password as the client sent it (SwarmUI's client pre-hash), or {@code null} for none
     * @param roles the initial role ids
     * @param passwordSetByAdmin whether an admin chose the password
     * @return the user
     * @throws IllegalStateException when the id is taken
     */
    User create(String userId, String password, List<String> roles, boolean passwordSetByAdmin);

    /**
     * Deletes a user with its sessions, login tokens, presets and data (outputs stay on disk).
     *
     * @param userId the user id
     * @return false if there was no such user
     */
    boolean delete(String userId);

    /**
     * Sets a password and ends every session of that user.
     *
     * @param userId the user id
     * @param password the new password as the client sent it; must not be blank
     * @param setByAdmin whether an admin set it
     */
    void setPassword(String userId, String password, boolean setByAdmin);

    /**
     * @param userId the user id
     * @return whether the current password was chosen by an admin (SwarmUI's {@code IsPasswordSetByAdmin})
     */
    boolean passwordSetByAdmin(String userId);

    /**
     * @param userId the user id
     * @param includeRestricted whether to include restricted settings such as {@code roles}
     * @return the user's settings tree in SwarmUI's node format
     */
    Map<String, Object> settingsTree(String userId, boolean includeRestricted);

    /**
     * Applies {@code {"dotted.path": value}} changes to a user's settings. Unknown ids are skipped and logged;
     * restricted ids are skipped unless allowed. Nothing is applied when a value is invalid.
     *
     * @param userId the user id
     * @param changes the changes, case-insensitive ids
     * @param allowRestricted whether restricted settings (roles) may be changed
     * @throws IllegalArgumentException naming the first invalid value
     */
    void changeSettings(String userId, Map<String, Object> changes, boolean allowRestricted);

    /**
     * Interrupts every session of a user.
     *
     * @param userId the user id
     */
    void interruptAll(String userId);
}
