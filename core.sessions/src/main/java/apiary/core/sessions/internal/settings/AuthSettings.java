package apiary.core.sessions.internal.settings;

import static apiary.core.api.settings.SettingDef.bool;
import static apiary.core.api.settings.SettingDef.group;
import static apiary.core.api.settings.SettingDef.text;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;
import apiary.core.sessions.internal.catalog.Catalogs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Contributes the server settings this bundle owns ({@code userauthorization.*} and {@code defaultuser.*}, the
 * whole user tree as the defaults for users' unmodified fields) and reads them back for the rest of the bundle. While
 * no {@link ServerSettings} service is present, or it does not know a setting yet, the definitions' defaults apply.
 */
@Component(service = {ServerSettingsContributor.class, AuthSettings.class},
        property = ServerSettingsContributor.ORDER + ":Integer=300")
public final class AuthSettings implements ServerSettingsContributor {
    private static final System.Logger LOG = System.getLogger(AuthSettings.class.getName());

    /** Server setting: login required. */
    public static final String AUTH_REQUIRED = "userauthorization.authorizationrequired";
    /** Server setting: loopback callers count as {@code local} in login-required mode. */
    public static final String LOCALHOST_BYPASS = "userauthorization.allowlocalhostbypass";
    /** Server setting: the Login route is enabled. */
    public static final String SIMPLE_PASSWORD_LOGIN = "userauthorization.allowsimplepasswordlogin";
    /** Prefix of the per-user defaults. */
    public static final String DEFAULT_USER = "defaultuser.";
    private static final String APPEND_USER_TO_OUTPUT_PATH = "paths.appendusernametooutputpath";

    private final List<SettingDef> nodes;
    private final List<SettingDef> userTree;
    private final Map<String, Object> defaults;
    private volatile ServerSettings serverSettings;

    /** @param catalogs option lists for the user tree's dropdowns */
    @Activate
    public AuthSettings(@Reference Catalogs catalogs) {
        this.nodes = List.of(authorization(), group("DefaultUser",
                "Defaults for every user setting a user has not changed.", UserSettingDefs.tree(catalogs, false)));
        this.defaults = SettingsTree.defaults(nodes);
        this.userTree = UserSettingDefs.tree(catalogs, true);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setServerSettings(ServerSettings settings) {
        this.serverSettings = settings;
    }

    void unsetServerSettings(ServerSettings settings) {
        if (this.serverSettings == settings) {
            this.serverSettings = null;
        }
    }

    @Override
    public List<SettingDef> settings() {
        return nodes;
    }

    /** @return the user settings tree (roles restricted); dropdown options are read live */
    public List<SettingDef> userTree() {
        return userTree;
    }

    /** @return whether login-required mode is on */
    public boolean authorizationRequired() {
        return Boolean.TRUE.equals(value(AUTH_REQUIRED));
    }

    /** @return whether loopback callers without a forwarding header count as {@code local} in login-required mode */
    public boolean allowLocalhostBypass() {
        return Boolean.TRUE.equals(value(LOCALHOST_BYPASS));
    }

    /** @return whether the Login route accepts passwords */
    public boolean allowSimplePasswordLogin() {
        return Boolean.TRUE.equals(value(SIMPLE_PASSWORD_LOGIN));
    }

    /** @return whether output paths get a user folder (a later area owns the setting; true until it exists) */
    public boolean outputAppendUser() {
        return readServer(APPEND_USER_TO_OUTPUT_PATH).map(Boolean.TRUE::equals).orElse(true);
    }

    /**
     * @param userPath a lower-case dotted user setting id such as {@code theme}
     * @return the server's default for it
     */
    public Object userDefault(String userPath) {
        return value(DEFAULT_USER + userPath);
    }

    private Object value(String path) {
        return readServer(path).orElseGet(() -> defaults.get(path));
    }

    private Optional<Object> readServer(String path) {
        ServerSettings settings = serverSettings;
        if (settings == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(settings.get(path));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "Server setting {0} is not known yet; using its default", path);
            return Optional.empty();
        }
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
