package apiary.core.api.permission;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard listener told whenever the permission catalogue changes, for example when an extension that declares
 * permissions is installed. The role store uses it to grant new permissions to the built-in roles once.
 */
@ConsumerType
public interface PermissionCatalogueListener {
    /**
     * Called after every change, and once when the listener is registered, on a registry thread.
     *
     * @param all the full catalogue, as {@link PermissionRegistry#all()} returns it
     */
    void catalogueChanged(List<PermissionInfo> all);
}
