package apiary.core.sessions.internal.routes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.CallContext;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.account.UserImpl;
import apiary.core.sessions.internal.auth.ClientAddress;
import apiary.core.sessions.internal.auth.LoginTokens;
import apiary.core.sessions.internal.auth.RateLimiter;
import apiary.core.sessions.internal.session.SessionImpl;
import apiary.core.sessions.internal.settings.AuthSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Login, logout and password changes, with rate limits: 5 logins a minute per connection address; after 15 failed
 * logins a minute for a user name, no further attempt for it from an address that failed for it (other addresses,
 * the owner's among them, may still log in); 5 password changes a minute per user. Logout and a password change end every session and
 * login token of the user.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = Callers.AREA, description = Callers.AREA_DESCRIPTION)
public final class AuthRoutes implements RouteProvider {
    private static final long MINUTE = 60_000;
    private static final String INVALID_LOGIN = "invalid_login";

    private final Accounts accounts;
    private final AuthSettings auth;
    private final RateLimiter loginsPerAddress = new RateLimiter(5, MINUTE, System::currentTimeMillis);
    /** Failed logins per user name; once used up, only addresses that have not failed for the name may try. */
    private final RateLimiter failuresPerName = new RateLimiter(15, MINUTE, System::currentTimeMillis);
    /** Which addresses failed for which name in the last minute. */
    private final RateLimiter failedFrom = new RateLimiter(1, MINUTE, System::currentTimeMillis);
    private final RateLimiter passwordChanges = new RateLimiter(5, MINUTE, System::currentTimeMillis);

    /**
     * @param accounts users, sessions and tokens
     * @param auth the auth settings
     */
    @Activate
    public AuthRoutes(@Reference Accounts accounts, @Reference AuthSettings auth) {
        this.accounts = accounts;
        this.auth = auth;
    }

    /**
     * @param context the caller's connection
     * @param username the account name as typed
     * @param password the client's pre-hashed password
     * @return {@code "success": "true"} and a cookie, or an {@code error_id}
     */
    @Route(permission = Route.SESSIONLESS, nonFinal = true, description = "Special route to log in as a user account. "
            + "Generally only for UI users, bots/automated API usages should have a user account generate a token first.",
            returns = "\"success\": \"true\" // and sets a cookie\n// or\n\"error_id\": \"invalid_login\" // or \"ratelimit\"")
    public Map<String, Object> Login(CallContext context, @Param(description = "Login username.") String username,
            @Param(description = "Login password.") String password) {
        if (!auth.allowSimplePasswordLogin()) {
            return Map.of("error_id", INVALID_LOGIN);
        }
        String name = cleanUserName(username);
        String userAgent = context.header("User-Agent").map(AuthRoutes::cleanUserAgent).orElse("");
        if (name.length() < 3 || name.length() > 100 || password.length() < 8 || password.length() > 500) {
            return Map.of("error_id", INVALID_LOGIN);
        }
        String address = ClientAddress.rateLimitKey(context);
        String nameFromAddress = name + "\n" + address;
        // SwarmUI counted every attempt per name, so 15 wrong passwords a minute from anywhere kept the owner out
        // too. Here a name under attack refuses only the addresses that failed for it; one that has not may try.
        if (!loginsPerAddress.tryUse(address)
                || (failuresPerName.exhausted(name) && failedFrom.exhausted(nameFromAddress))) {
            return Map.of("error_id", "ratelimit");
        }
        boolean exists = accounts.user(name).isPresent();
        if (!accounts.checkPassword(name, password) || !exists) {
            failuresPerName.record(name);
            failedFrom.record(nameFromAddress);
            return Map.of("error_id", INVALID_LOGIN);
        }
        String token = accounts.tokens().create(name, ClientAddress.origin(context), userAgent);
        context.setCookie(LoginTokens.COOKIE, token, LoginTokens.LIFETIME_SECONDS, true);
        return Map.of("success", "true");
    }

    /**
     * @param session the caller's session
     * @param context the caller's connection (cookie)
     * @return {@code "success": "true"}
     */
    @Route(permission = CorePermissions.FUNDAMENTAL, nonFinal = true, userUpdate = true,
            description = "Causes a user to log out, closing all assocated sessions in the process.",
            returns = "\"success\": \"true\"")
    public Map<String, Object> Logout(Session session, CallContext context) {
        if (!auth.authorizationRequired()) {
            throw new ApiError("Authorization is not enabled, you have no account to log out of.");
        }
        String userId = session.user().id();
        boolean fromLogin = session instanceof SessionImpl && ((SessionImpl) session).originToken() != null;
        boolean cookieOfUser = context.cookie(LoginTokens.COOKIE).flatMap(accounts.tokens()::validate)
                .map(t -> t.userId().equals(userId)).orElse(false);
        if (!fromLogin && !cookieOfUser) {
            throw new ApiError("You do not appear to be actually logged in. How'd you get here?");
        }
        accounts.endEverything(userId);
        context.setCookie(LoginTokens.COOKIE, "", 0, true);
        return Map.of("success", "true");
    }

    /**
     * @param session the caller's session
     * @param context the caller's connection (to expire the login cookie)
     * @param oldPassword the current password, pre-hashed
     * @param newPassword the new password, pre-hashed
     * @return success
     */
    @Route(permission = CorePermissions.EDIT_USER_SETTINGS, nonFinal = true, userUpdate = true,
            description = "User route to change their own password. Has a ratelimit built in.", returns = "\"success\": true")
    public Map<String, Object> ChangePassword(Session session, CallContext context,
            @Param(description = "Your current password.") String oldPassword,
            @Param(description = "Your new password. Must be at least 8 characters.") String newPassword) {
        UserImpl user = Callers.user(session, accounts);
        if (newPassword.length() < 8) {
            throw new ApiError("New password must be at least 8 characters long.");
        }
        if (newPassword.length() > 500) {
            throw new ApiError("New password is too long.");
        }
        if (!passwordChanges.tryUse(user.id())) {
            throw new ApiError("Rate-limit hit, you're trying to change password too quickly. Wait a minute before trying again.");
        }
        if (accounts.hasPassword(user.id()) && (oldPassword.length() > 500 || !accounts.checkPassword(user.id(), oldPassword))) {
            throw new ApiError("Incorrect old password. Refused.");
        }
        accounts.changeOwnPassword(user.id(), newPassword);
        context.setCookie(LoginTokens.COOKIE, "", 0, true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        return out;
    }

    /** Login names keep only {@code [A-Za-z0-9_]}, lower-cased. */
    static String cleanUserName(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String cleanUserAgent(String agent) {
        StringBuilder out = new StringBuilder();
        for (char c : agent.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || " .:,;_-*@#%[]".indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
