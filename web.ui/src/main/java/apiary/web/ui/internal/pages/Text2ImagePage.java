package apiary.web.ui.internal.pages;

import java.util.Map;

import apiary.core.api.route.CallContext;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.web.WebFileProvider;
import apiary.web.ui.internal.assets.AssetFolder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /Text2Image}: the main page (Generate, history, jobs and the server pages), replacing the core's placeholder. */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/Text2Image")
public final class Text2ImagePage extends HtmlPage {
    private final ServerSettings settings;

    /**
     * @param assets the unpacked assets
     * @param settings tells whether the installer has run
     */
    @Activate
    public Text2ImagePage(@Reference AssetFolder assets, @Reference ServerSettings settings) {
        super(assets, "text2image");
        this.settings = settings;
    }

    @Override
    Map<String, String> values(CallContext context) {
        return Map.of("installed", Boolean.toString(InstallState.installed(settings)));
    }
}
