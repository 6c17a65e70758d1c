package apiary.core.admin.internal.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.admin.internal.AdminArea;
import apiary.core.admin.internal.Replies;
import apiary.core.admin.internal.Bodies;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.api.session.User;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;
import apiary.core.api.user.UserDirectory;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The user administration routes, with SwarmUI's validation and texts, and two deliberate differences: a blank
 * password is refused instead of silently disabling the account's login, and a new user's role must exist.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class UserAdminRoutes implements RouteProvider {
    static final String NO_SUCH_USER = "No user by that name exists.";
    static final String PASSWORD_TOO_SHORT = "Password must be at least 8 characters long.";
    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 70;
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 500;

    private final UserDirectory users;
    private final RoleStore roles;

    /**
     * @param users the accounts
     * @param roles the roles, to check a new user's role
     */
    @Activate
    public UserAdminRoutes(@Reference UserDirectory users, @Reference RoleStore roles) {
        this.users = users;
        this.roles = roles;
    }

    /**
     * @param name the new user's name
     * @param password the initial password (as the client sends it)
     * @param role the initial role id
     * @return success
     */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true, userUpdate = true,
            description = "Admin route to create a new user account.", returns = "    \"success\": true")
    public Map<String, Object> AdminAddUser(@Param(description = "The name of the new user.") String name,
            @Param(description = "Initial password for the new user.") String password,
            @Param(description = "Initial role for the new user.") String role) {
        String id = Names.newId(name);
        if (id.length() < MIN_NAME) {
            throw new ApiError("Username must be at least 3 characters long, A-Z 0-9 only.");
        }
        if (password.length() < MIN_PASSWORD) {
            throw new ApiError(PASSWORD_TOO_SHORT);
        }
        if (id.length() > MAX_NAME || password.length() > MAX_PASSWORD) {
            throw new ApiError("Username or password too long.");
        }
        if (id.startsWith("__")) {
            throw new ApiError("Names starting with '__' are reserved for the server's internal users.");
        }
        RoleInfo initial = RoleAdminRoutes.findRole(roles, role)
                .orElseThrow(() -> new ApiError(RoleAdminRoutes.NO_SUCH_ROLE));
        if (users.find(id).isPresent()) {
            throw new ApiError("A user by that name already exists, or registration failed.");
        }
        try {
            users.create(id, password, List.of(initial.id()), true);
        } catch (IllegalStateException e) {
            throw new ApiError("A user by that name already exists, or registration failed.");
        }
        return Replies.success();
    }

    /**
     * @param session the caller, who may not delete themselves
     * @param name the user to delete
     * @return success
     */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true, userUpdate = true,
            description = "Admin route to delete an existing user account.", returns = "    \"success\": true")
    public Map<String, Object> AdminDeleteUser(Session session, @Param(description = "The name of the user to delete.") String name) {
        User user = existing(name);
        if (user.id().equals(session.user().id())) {
            throw new ApiError("You may not delete yourself.");
        }
        if (!users.delete(user.id())) {
            throw new ApiError(NO_SUCH_USER);
        }
        return Replies.success();
    }

    /** @return every user id */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true,
            description = "Admin route to get a list of all known users by ID.",
            returns = "    \"users\": [\n        \"user1\",\n        \"user2\"\n    ]")
    public Map<String, Object> AdminListUsers() {
        return Replies.of("users", users.userIds());
    }

    /**
     * @param name the user
     * @return the user's id, password origin, settings (roles included) and effective generation limit
     */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true, description = "Admin route to get info about a user.",
            returns = "    \"user_id\": \"useridhere\",\n    \"password_set_by_admin\": true, // false if set by user\n"
                    + "    \"settings\": { ... }, // User settings, same format as GetUserSettings\n"
                    + "    \"max_t2i\": 32 // actual value of max t2i simultaneous, calculated from current roles and available backends")
    public Map<String, Object> AdminGetUserInfo(@Param(description = "The name of the user to get info for.") String name) {
        User user = existing(name);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", user.id());
        out.put("password_set_by_admin", users.passwordSetByAdmin(user.id()));
        out.put("settings", users.settingsTree(user.id(), true));
        out.put("oauth_email", null);
        out.put("max_t2i", Math.max(1, user.maxT2ISimultaneous()));
        return out;
    }

    /**
     * @param name the user
     * @param password the new password; blank is refused (SwarmUI would silently disable the account's login)
     * @return success
     */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true, userUpdate = true,
            description = "Admin route to force-set a user's password.", returns = "    \"success\": true")
    public Map<String, Object> AdminSetUserPassword(@Param(description = "The name of the user.") String name,
            @Param(description = "New password for the user.") String password) {
        User user = existing(name);
        if (password.isBlank() || password.length() < MIN_PASSWORD) {
            throw new ApiError(PASSWORD_TOO_SHORT);
        }
        if (password.length() > MAX_PASSWORD) {
            throw new ApiError("Password too long.");
        }
        users.setPassword(user.id(), password, true);
        return Replies.success();
    }

    /**
     * @param name the user
     * @param rawData the body, with {@code settings}: {@code {"dotted.id": value}}, {@code roles} allowed
     * @return success
     */
    @Route(permission = CorePermissions.MANAGE_USERS, nonFinal = true, userUpdate = true,
            description = "Admin route to forcibly change user settings data for a user.", returns = "    \"success\": true")
    public Map<String, Object> AdminChangeUserSettings(@Param(description = "The name of the user.") String name,
            @Param(description = "Simple object map of key as setting ID to new setting value to apply, under 'settings'.") Map<String, Object> rawData) {
        User user = existing(name);
        Map<String, Object> changes = Bodies.object(rawData, "settings");
        try {
            users.changeSettings(user.id(), changes, true);
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
        return Replies.success();
    }

    private User existing(String name) {
        Optional<User> user = users.find(Names.existingId(name));
        return user.orElseThrow(() -> new ApiError(NO_SUCH_USER));
    }

}
