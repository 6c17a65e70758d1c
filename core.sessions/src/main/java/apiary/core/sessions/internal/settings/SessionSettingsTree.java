package apiary.core.sessions.internal.settings;

import static apiary.core.api.settings.SettingDef.bool;
import static apiary.core.api.settings.SettingDef.group;
import static apiary.core.api.settings.SettingDef.text;

import java.util.List;

import apiary.core.api.settings.SettingDef;
import apiary.core.sessions.internal.catalog.Catalogs;

/**
 * The server settings this bundle owns: {@code userauthorization.*}, and {@code defaultuser.*} (the whole user tree,
 * the defaults of users' unmodified fields).
 */
final class SessionSettingsTree {
    private SessionSettingsTree() {
    }

    /** @param catalogs option lists for the user tree's dropdowns @return the top-level nodes */
    static List<SettingDef> nodes(Catalogs catalogs) {
        return List.of(authorization(), group("DefaultUser",
                "Defaults for every user setting a user has not changed.", UserSettingDefs.tree(catalogs, false)));
    }

    private static SettingDef authorization() {
        return group("UserAuthorization", "Accounts, login and registration.",
                bool("AuthorizationRequired", false, "Whether users must log in. Off: everyone is the local owner."),
                bool("AllowLocalhostBypass", true, "Whether callers on this machine (loopback, no proxy header) skip login as the local user."),
                text("InstanceTitle", "Local", "The server's name shown on the login page."),
                text("LoginNotice", "This server has not been set up for shared use yet. If you see this on the login page, ask the server owner to write a notice in the server settings.",
                        "HTML shown on the login page."),
                bool("AllowSimplePasswordLogin", true, "Whether users may log in with a user name and password."),
                group("Registration", "Self-registration of new accounts.",
                        bool("AllowRegistration", false, "Whether new users may register themselves."),
                        bool("SimplePasswordRegistration", false, "Whether registration with a password is offered."),
                        bool("OAuthRegistration", false, "Whether registration through OAuth is offered."),
                        text("NewUserDefaultRole", "user", "The role a newly registered account gets."),
                        text("RegisterNotice", "This server has not been set up for registrations yet. If you see this on the registration page, ask the server owner to write a notice in the server settings.",
                                "HTML shown on the registration page.")),
                group("OAuth", "Login through an OAuth provider.",
                        bool("GoogleOAuth", false, "Whether Google login is offered."),
                        text("OAuthAllowedDomains", "", "Comma-separated e-mail domains allowed to use OAuth; empty allows all."),
                        text("GoogleOAuthClientID", "", "The Google OAuth client id."),
                        text("GoogleOAuthClientSecret", "", "The Google OAuth client secret.").asSecret(),
                        text("OAuthReturnURL", "", "The public URL OAuth providers return to.")));
    }
}
