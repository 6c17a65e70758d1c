package apiary.ext.banner;

import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.settings.ServerSettings;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Tells the page what to show and where the script is. */
@Component(service = RouteProvider.class)
@RouteArea(value = "BannerExtension", description = "The welcome banner.")
public class BannerRoutes implements RouteProvider {
    @Reference
    private ServerSettings settings;

    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS, description = "Gets the welcome banner.",
            returns = "\"text\": \"Welcome to Apiary!\", \"script\": \"ExtensionFile/banner/banner.js\"")
    public Map<String, Object> GetBanner() {
        return Map.of("text", settings.getString(BannerSettings.TEXT), "script", "ExtensionFile/banner/banner.js",
                "style", "ExtensionFile/banner/banner.css");
    }
}
