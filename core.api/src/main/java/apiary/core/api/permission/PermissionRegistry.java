package apiary.core.api.permission;

import java.util.List;
import java.util.Optional;

import apiary.core.api.session.Session;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The catalogue of every permission declared by the running bundles, and the answer to "may this session do X".
 */
@ProviderType
public interface PermissionRegistry {
    /** The wildcard permission: a user holding it may do everything. */
    String ALL = "*";

    /**
     * @param id a permission id
     * @return the declaration, if some active bundle declares it
     */
    Optional<PermissionInfo> find(String id);

    /**
     * @return every declared permission, grouped by group in the order groups first appear, then in registration
     *         order (SwarmUI's {@code AdminListPermissions} {@code ordered} list)
     */
    List<PermissionInfo> all();

    /**
     * @param session the caller's session
     * @param id a permission id
     * @return whether the session's user holds that permission or {@link #ALL}; false for unknown ids unless the
     *         user holds {@link #ALL}
     */
    boolean isPermitted(Session session, String id);
}
