package apiary.core.api.permission;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Declares the permissions a bundle owns. Register one component per bundle:
 *
 * <pre>{@code
 * @Component
 * public class HelloPermissions implements PermissionProvider {
 *     static final String USE = "hello_use";
 *     public List<PermissionInfo> permissions() {
 *         return List.of(PermissionInfo.of(USE, "Use Hello", "Call Hello.", PermissionLevel.USER, PermissionGroup.USER));
 *     }
 * }
 * }</pre>
 *
 * The registry reads the list when the service appears and forgets it when the service goes away. An id that
 * another provider already declared is refused (the first one stays) and logged.
 */
@ConsumerType
public interface PermissionProvider {
    /** @return the permissions, in display order */
    List<PermissionInfo> permissions();
}
