package apiary.core.sessions.internal.routes;

import java.util.LinkedHashMap;
import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.catalog.Catalogs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The caller's settings, the themes to choose from, and the UI translations. */
@Component(service = RouteProvider.class)
@RouteArea(value = Callers.AREA, description = Callers.AREA_DESCRIPTION)
public final class SettingsRoutes implements RouteProvider {
    private final Accounts accounts;
    private final Catalogs catalogs;

    /**
     * @param accounts users and their settings
     * @param catalogs themes and languages
     */
    @Activate
    public SettingsRoutes(@Reference Accounts accounts, @Reference Catalogs catalogs) {
        this.accounts = accounts;
        this.catalogs = catalogs;
    }

    /** @return the themes and the user's settings tree (restricted settings left out) */
    @Route(permission = CorePermissions.READ_USER_SETTINGS, description = "Gets the user's current settings.",
            returns = "\"themes\": {\"theme_id\": {\"name\": \"Theme Name\", \"is_dark\": true, \"css_paths\": [\"path1\", \"path2\"]}}, "
                    + "\"settings\": {\"setting_id\": \"value\"}")
    public Map<String, Object> GetUserSettings(Session session) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("themes", catalogs.themes().wire());
        out.put("settings", accounts.ownSettingsTree(Callers.user(session, accounts)));
        return out;
    }

    /** @return success; nothing is changed when any value is invalid */
    @Route(permission = CorePermissions.EDIT_USER_SETTINGS, userUpdate = true,
            description = "User route to change user settings data.", returns = "\"success\": true")
    public Map<String, Object> ChangeUserSettings(Session session, @Param(description = "Simple object map of key as "
            + "setting ID to new setting value to apply, under 'settings'.") Map<String, Object> rawData) {
        Object settings = rawData.get("settings");
        if (!(settings instanceof Map)) {
            throw new ApiError("Missing 'settings' object");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        ((Map<?, ?>) settings).forEach((k, v) -> changes.put(String.valueOf(k), v));
        try {
            accounts.changeOwnSettings(Callers.user(session, accounts), changes);
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
        return Map.of("success", true);
    }

    /** @return the language's names and keys, or an error for an unknown code */
    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS,
            description = "Get the details of a given language file.",
            returns = "\"language\": {\"code\": \"en\", \"name\": \"English\", \"local_name\": \"English\", \"keys\": {\"key\": \"value\"}}")
    public Map<String, Object> GetLanguage(@Param(description = "The language ID, eg 'en'.") String language) {
        return catalogs.languages().find(language).map(l -> Map.<String, Object>of("language", l.wire()))
                .orElseThrow(() -> new ApiError("No such language."));
    }
}
