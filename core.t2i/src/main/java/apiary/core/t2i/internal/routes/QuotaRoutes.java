package apiary.core.t2i.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.api.user.RoleStore;
import apiary.core.t2i.internal.jobs.JobQuotas;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Per-role daily quotas (beyond SwarmUI): set and list them (role admins), and read one's own. */
@Component(service = RouteProvider.class)
@RouteArea(value = JobRoutes.AREA, description = JobRoutes.DESCRIPTION)
public final class QuotaRoutes implements RouteProvider {
    private final JobQuotas quotas;
    private final RoleStore roles;

    /**
     * @param quotas the quota table
     * @param roles the roles a quota may name
     */
    @Activate
    public QuotaRoutes(@Reference JobQuotas quotas, @Reference RoleStore roles) {
        this.quotas = quotas;
        this.roles = roles;
    }

    /** @return success */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, description = "Sets a role's daily quota: images and backend "
            + "seconds per user and UTC day (0 for no limit; both 0 removes the quota). A user's allowance is the largest "
            + "of their roles'; a role without a quota allows any amount.",
            returns = "\"success\": true")
    public Map<String, Object> SetRoleQuota(Session session, @Param(description = "The role id.") String role,
            @Param(defaultValue = "0", description = "Images per user and day, 0 for no limit.") long daily_images,
            @Param(defaultValue = "0", description = "Backend seconds per user and day, 0 for no limit.") long daily_backend_seconds) {
        if (roles.find(role).isEmpty()) {
            throw new ApiError("No role with that id.");
        }
        if (daily_images < 0 || daily_backend_seconds < 0) {
            throw new ApiError("Quotas cannot be negative (0 means no limit).");
        }
        quotas.set(role, new JobQuotas.Quota(daily_images, daily_backend_seconds));
        return Map.of("success", true);
    }

    /** @return the quotas */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, description = "Lists the roles that have a daily quota.",
            returns = "\"quotas\": [ { \"role\": \"user\", \"daily_images\": 100, \"daily_backend_seconds\": 0 } ]")
    public Map<String, Object> ListRoleQuotas(Session session) {
        List<Object> out = new ArrayList<>();
        quotas.all().forEach((role, q) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("role", role);
            m.put("daily_images", q.images());
            m.put("daily_backend_seconds", q.backendSeconds());
            out.add(m);
        });
        return Map.of("quotas", out);
    }

    /** @return the caller's quota and today's use */
    @Route(permission = "basic_image_generation", description = "The caller's daily quota (0: no limit) and what they "
            + "used today (UTC): images made, images still queued, backend seconds.",
            returns = "\"daily_images\": 100, \"daily_backend_seconds\": 0, \"images_today\": 12, \"queued_images\": 4, "
                    + "\"backend_seconds_today\": 30.5")
    public Map<String, Object> GetMyQuota(Session session) {
        JobQuotas.Quota q = quotas.effective(session.user());
        JobQuotas.Used used = quotas.used(session.user().id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("daily_images", q.images());
        m.put("daily_backend_seconds", q.backendSeconds());
        m.put("images_today", used.images());
        m.put("queued_images", used.queuedImages());
        m.put("backend_seconds_today", used.backendMillis() / 1000.0);
        return m;
    }
}
