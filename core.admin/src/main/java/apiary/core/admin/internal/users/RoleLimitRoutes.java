package apiary.core.admin.internal.users;

import java.util.Map;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.user.RoleStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Apiary's role limits beyond SwarmUI's: how many images a user of the role may have queued or running at once, and
 * the role's share of the backends when users compete. Kept out of SwarmUI's {@code AdminEditRole}, whose parameters
 * clients send exactly as SwarmUI defines them; {@code AdminListRoles} shows both values.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.APIARY_NAME, description = AdminArea.APIARY_DESCRIPTION)
public final class RoleLimitRoutes implements RouteProvider {
    /** The largest queue limit a role may have. */
    static final int MAX_QUEUED_LIMIT = 1_000_000;
    /** The largest scheduling weight a role may have. */
    static final double MAX_WEIGHT = 1000;

    private final RoleStore roles;

    /** @param roles the roles */
    @Activate
    public RoleLimitRoutes(@Reference RoleStore roles) {
        this.roles = roles;
    }

    /** @return success */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, userUpdate = true,
            description = "Sets a role's generation limits (Apiary): the most images a user of the role may have queued "
                    + "or running at once, and the role's weight in the fair share of the backends (1 is an equal share; "
                    + "2 gets twice the images of a weight-1 user while both wait).",
            returns = "    \"success\": true")
    public Map<String, Object> AdminSetRoleLimits(@Param(description = "The name of the role.") String name,
            @Param(description = "How many images a user of the role may have queued or running at once (1 to 1000000).")
            int max_queued_images,
            @Param(description = "The role's scheduling weight, greater than 0 and at most 1000.") double scheduling_weight) {
        String id = RoleAdminRoutes.findRole(roles, name).orElseThrow(() -> new ApiError(RoleAdminRoutes.NO_SUCH_ROLE)).id();
        if (max_queued_images < 1 || max_queued_images > MAX_QUEUED_LIMIT) {
            throw new ApiError("max_queued_images must be between 1 and " + MAX_QUEUED_LIMIT + ".");
        }
        if (!(scheduling_weight > 0) || scheduling_weight > MAX_WEIGHT) {
            throw new ApiError("scheduling_weight must be greater than 0 and at most " + (int) MAX_WEIGHT + ".");
        }
        roles.update(id, role -> role.withMaxQueuedImages(max_queued_images).withSchedulingWeight(scheduling_weight))
                .orElseThrow(() -> new ApiError(RoleAdminRoutes.NO_SUCH_ROLE));
        return Replies.success();
    }
}
