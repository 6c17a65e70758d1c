package apiary.core.admin.internal.settings;

import java.util.LinkedHashMap;
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
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** ListServerSettings and ChangeServerSettings over the server settings store. */
@Component(service = RouteProvider.class)
@RouteArea(value = AdminArea.NAME, description = AdminArea.DESCRIPTION)
public final class ServerSettingsRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(ServerSettingsRoutes.class.getName());

    private final ServerSettings settings;

    /** @param settings the settings store */
    @Activate
    public ServerSettingsRoutes(@Reference ServerSettings settings) {
        this.settings = settings;
    }

    /** @return the settings tree without hidden settings, secrets masked */
    @Route(permission = CorePermissions.READ_SERVER_SETTINGS, description = "Returns a list of the server settings, will full metadata.",
            returns = "    \"settings\": {\n        \"settingname\": {\n            \"type\": \"typehere\",\n            \"name\": \"namehere\",\n"
                    + "            \"value\": somevaluehere,\n            \"description\": \"sometext\",\n            \"values\": [...] or null,\n"
                    + "            \"value_names\": [...] or null\n        }\n    }")
    public Map<String, Object> ListServerSettings() {
        return Replies.of("settings", SettingsTree.render(settings.definitions(), settings::get, false, true));
    }

    /**
     * Applies {@code settings: {"dotted.id": value}} all-or-nothing. Unknown and hidden ids are skipped (and
     * logged) as SwarmUI does; a secret sent back masked keeps its value.
     *
     * @param rawData the body
     * @return success
     */
    @Route(permission = CorePermissions.EDIT_SERVER_SETTINGS, userUpdate = true, description = "Changes server settings.",
            returns = "\"success\": true")
    public Map<String, Object> ChangeServerSettings(@Param(description = "Dynamic input of `\"settingname\": valuehere`.") Map<String, Object> rawData) {
        Map<String, Object> requested = Bodies.object(rawData, "settings");
        Map<String, Object> changes = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : requested.entrySet()) {
            Optional<SettingDef> def = SettingsTree.find(settings.definitions(), e.getKey());
            if (def.isPresent() && def.get().hidden()) {
                LOG.log(System.Logger.Level.WARNING, "Refusing to change hidden server setting ''{0}''", e.getKey());
                continue;
            }
            changes.put(e.getKey(), e.getValue());
        }
        try {
            settings.change(changes);
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
        return Replies.success();
    }
}
