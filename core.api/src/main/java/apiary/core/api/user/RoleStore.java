package apiary.core.api.user;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The persisted roles. The five built-in roles ({@link #OWNER}, {@link #ADMIN}, {@link #POWERUSER}, {@link #USER},
 * {@link #GUEST}) always exist; permissions are granted to them by default level once, when first seen, and are
 * tracked so that later admin edits are never undone. A saved change reaches logged-in users at once.
 */
@ProviderType
public interface RoleStore {
    /** Built-in role: the server owner (holds {@code *}). */
    String OWNER = "owner";
    /** Built-in role: near-total control. */
    String ADMIN = "admin";
    /** Built-in role: trusted advanced user. */
    String POWERUSER = "poweruser";
    /** Built-in role: the registered default. */
    String USER = "user";
    /** Built-in role: unverified account. */
    String GUEST = "guest";

    /** @return every role, built-in ones first, then by id */
    List<RoleInfo> roles();

    /**
     * @param id a role id, exact
     * @return the role
     */
    Optional<RoleInfo> find(String id);

    /**
     * Creates or replaces a role and applies it to every loaded user.
     *
     * @param role the role; its {@link RoleInfo#builtIn()} flag is ignored (the store knows which are built in)
     */
    void save(RoleInfo role);

    /**
     * Creates a role unless one with its id exists, in one step (a check with {@link #find} and then {@link #save}
     * lets two writers both succeed, the second overwriting the first).
     *
     * @param role the new role
     * @return false when a role with that id exists (nothing changed)
     * @since 1.3
     */
    boolean add(RoleInfo role);

    /**
     * Changes a role in one step: no other change of the role can come between reading it and saving the result, so
     * two admins editing different fields of one role (or an edit racing a new permission's default grant) both
     * take effect.
     *
     * @param id a role id, exact
     * @param change the new role from the current one; it may throw to refuse the change (nothing is saved)
     * @return the saved role, or empty when there is no such role
     * @since 1.3
     */
    Optional<RoleInfo> update(String id, java.util.function.UnaryOperator<RoleInfo> change);

    /**
     * @param id a role id
     * @return true if deleted; false if no such role
     * @throws IllegalArgumentException for a built-in role
     */
    boolean delete(String id);
}
