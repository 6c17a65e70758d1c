package apiary.core.sessions.internal.settings;


import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;
import apiary.core.sessions.internal.catalog.Catalogs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads this bundle's server settings ({@link SessionSettingsTree}) for the rest of the bundle. It requires the
 * settings store: answering with defaults before the stored values are known would, for a moment after start-up,
 * let anyone in as the local owner on a server that requires login. Its own settings it reads by its own
 * definitions, so they are right even before the store has bound {@link SessionSettingsContributor}.
 */
@Component(service = AuthSettings.class)
public final class AuthSettings {
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
    private final ServerSettings serverSettings;

    /**
     * @param catalogs option lists for the user tree's dropdowns
     * @param serverSettings the settings store
     */
    @Activate
    public AuthSettings(@Reference Catalogs catalogs, @Reference ServerSettings serverSettings) {
        this.nodes = SessionSettingsTree.nodes(catalogs);
        this.defaults = SettingsTree.defaults(nodes);
        this.userTree = UserSettingDefs.tree(catalogs, true);
        this.serverSettings = serverSettings;
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
        Optional<SettingDef> own = SettingsTree.find(nodes, path);
        if (own.isPresent()) {
            return Optional.ofNullable(serverSettings.get(path, own.get()));
        }
        try {
            return Optional.ofNullable(serverSettings.get(path));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.DEBUG, "Server setting {0} is not known yet; using its default", path);
            return Optional.empty();
        }
    }
}
