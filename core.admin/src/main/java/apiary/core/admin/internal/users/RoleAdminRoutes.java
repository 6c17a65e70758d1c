package apiary.core.admin.internal.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The role administration routes. Unlike SwarmUI, a role has one id (its cleaned, lowercase name) used by every
 * route and by the listing, and AdminEditRole only accepts permission ids that exist (or that the role already
 * holds, such as those of an extension that is not installed right now).
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class RoleAdminRoutes implements RouteProvider {
    static final String NO_SUCH_ROLE = "No role by that name exists.";

    private final RoleStore roles;
    private final PermissionRegistry permissions;

    /**
     * @param roles the roles
     * @param permissions the permission catalogue
     */
    @Activate
    public RoleAdminRoutes(@Reference RoleStore roles, @Reference PermissionRegistry permissions) {
        this.roles = roles;
        this.permissions = permissions;
    }

    static final int MAX_NAME_LENGTH = 256;

    /**
     * @param name the new role's name; its id is the name cleaned to {@code A-Z 0-9 _} and lowercased
     * @return success
     */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, nonFinal = true, userUpdate = true,
            description = "Admin route to create a new user permission role.", returns = "    \"success\": true")
    public Map<String, Object> AdminAddRole(@Param(description = "The name of the new role.") String name) {
        if (name.trim().length() > MAX_NAME_LENGTH) {
            // The role table holds 256 characters; a longer name was an internal error.
            throw new ApiError("Role name must be at most " + MAX_NAME_LENGTH + " characters long.");
        }
        String id = Names.newId(name);
        if (id.length() < 3) {
            throw new ApiError("Role name must be at least 3 characters long, A-Z 0-9 only.");
        }
        if (!roles.add(RoleInfo.of(id, name.trim()))) {
            throw new ApiError("A role by that name already exists.");
        }
        return Replies.success();
    }

    /** @return success */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, nonFinal = true, userUpdate = true,
            description = "Admin route to edit a permission role.", returns = "    \"success\": true")
    public Map<String, Object> AdminEditRole(@Param(description = "The name of the role.") String name,
            @Param(description = "The description text for the role.") String description,
            @Param(description = "The maximum outpath depth allowed for the role.") int max_outpath_depth,
            @Param(description = "The maximum number of simultaneous T2I allowed for the role.") int max_t2i_simultaneous,
            @Param(description = "Whether to allow unsafe outpaths for the role.") boolean allow_unsafe_outpaths,
            @Param(description = "Comma-separated list of model names to whitelist for the role.") String model_whitelist,
            @Param(description = "Comma-separated list of model names to blacklist for the role.") String model_blacklist,
            @Param(description = "Comma-separated list of enabled permission nodes.") String permissions) {
        String id = findRole(roles, name).orElseThrow(() -> new ApiError(NO_SUCH_ROLE)).id();
        if (max_outpath_depth < 0 || max_t2i_simultaneous < 0) {
            throw new ApiError("max_outpath_depth and max_t2i_simultaneous must not be negative.");
        }
        // One step from the current role to the edited one: a parallel edit of its limits is not undone.
        roles.update(id, role -> {
            Set<String> granted = new LinkedHashSet<>();
            for (String p : Names.commaList(permissions)) {
                if (this.permissions.find(p).isEmpty() && !role.permissions().contains(p)) {
                    throw new ApiError("Unknown permission '" + p + "'.");
                }
                granted.add(p);
            }
            return role.withDescription(description)
                    .withMaxOutPathDepth(max_outpath_depth)
                    .withMaxT2ISimultaneous(max_t2i_simultaneous)
                    .withAllowUnsafeOutpaths(allow_unsafe_outpaths)
                    .withModelWhitelist(Names.commaList(model_whitelist))
                    .withModelBlacklist(Names.commaList(model_blacklist))
                    .withPermissions(granted);
        }).orElseThrow(() -> new ApiError(NO_SUCH_ROLE));
        return Replies.success();
    }

    /**
     * @param name the role; built-in roles cannot be deleted
     * @return success
     */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, nonFinal = true, userUpdate = true,
            description = "Admin route to delete an existing user permission role.", returns = "    \"success\": true")
    public Map<String, Object> AdminDeleteRole(@Param(description = "The name of the new role.") String name) {
        RoleInfo role = findRole(roles, name).orElseThrow(() -> new ApiError(NO_SUCH_ROLE));
        String builtIn = "That role is an auto-generated core role and cannot be deleted.";
        if (role.builtIn()) {
            throw new ApiError(builtIn);
        }
        try {
            if (!roles.delete(role.id())) {
                throw new ApiError(NO_SUCH_ROLE);
            }
        } catch (IllegalArgumentException e) {
            throw new ApiError(builtIn);
        }
        return Replies.success();
    }

    /** @return every role by id */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, nonFinal = true,
            description = "Admin route to get a list of all available roles.",
            returns = "    \"roles\": [\n        \"user\": {\n            \"name\": \"User\",\n            \"description\": \"Text here...\",\n"
                    + "            \"max_out_depth_path\": 5,\n            \"is_auto_generated\": true,\n            \"model_whitelist\": [],\n"
                    + "            \"model_blacklist\": [],\n            \"permissions\": [\"first\", \"second\"],\n"
                    + "            \"max_t2i_simultaneous\": 32,\n            \"allow_unsafe_outpaths\": false,\n"
                    + "            \"max_queued_images\": 1000,  // Apiary\n            \"scheduling_weight\": 1.0  // Apiary\n        }\n    ]")
    public Map<String, Object> AdminListRoles() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (RoleInfo r : roles.roles()) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("name", r.name());
            role.put("description", r.description());
            role.put("max_outpath_depth", r.maxOutPathDepth());
            role.put("is_auto_generated", r.builtIn());
            role.put("model_whitelist", new ArrayList<>(r.modelWhitelist()));
            role.put("model_blacklist", new ArrayList<>(r.modelBlacklist()));
            role.put("permissions", new ArrayList<>(r.permissions()));
            role.put("max_t2i_simultaneous", r.maxT2ISimultaneous());
            role.put("allow_unsafe_outpaths", r.allowUnsafeOutpaths());
            role.put("max_queued_images", r.maxQueuedImages()); // Apiary's limits (AdminSetRoleLimits)
            role.put("scheduling_weight", r.schedulingWeight());
            all.put(r.id(), role);
        }
        return Replies.of("roles", all);
    }

    /** @return every declared permission by id, and the ids in display order */
    @Route(permission = CorePermissions.CONFIGURE_ROLES, nonFinal = true,
            description = "Admin route to get a list of all available permissions.",
            returns = "    \"permissions\": [\n        \"perm_name\": {\n            \"name\": \"Perm Name\",\n"
                    + "            \"description\": \"Description text for the perm\",\n            \"default\": \"USER\",\n"
                    + "            \"group\": {\n                \"name\": \"My Group\",\n                \"description\": \"Some group description\"\n"
                    + "            },\n            \"safety_level\": \"UNTESTED\",\n            \"alt_safety_text\": \"some text here or null\"\n"
                    + "        }\n    ]")
    public Map<String, Object> AdminListPermissions() {
        Map<String, Object> all = new LinkedHashMap<>();
        List<String> ordered = new ArrayList<>();
        for (PermissionInfo p : permissions.all()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", p.group().name());
            group.put("description", p.group().description());
            Map<String, Object> perm = new LinkedHashMap<>();
            perm.put("name", p.displayName());
            perm.put("description", p.description());
            perm.put("default", p.defaultLevel().name());
            perm.put("group", group);
            perm.put("safety_level", p.safety().name());
            perm.put("alt_safety_text", p.altSafetyText());
            all.put(p.id(), perm);
            ordered.add(p.id());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("permissions", all);
        out.put("ordered", ordered);
        return out;
    }

    /** A role by its exact id, else by the id its name cleans to (what AdminAddRole made of it). */
    static Optional<RoleInfo> findRole(RoleStore roles, String name) {
        Optional<RoleInfo> exact = roles.find(name);
        return exact.isPresent() ? exact : roles.find(Names.newId(name));
    }
}
