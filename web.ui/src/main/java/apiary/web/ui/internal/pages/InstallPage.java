package apiary.web.ui.internal.pages;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import apiary.core.api.model.ModelDownloads;
import apiary.core.api.route.CallContext;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.web.ui.internal.assets.AssetFolder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code GET /Install}: the first-run page that drives {@code InstallConfirmWS}, offering the models bundle's
 * catalogue of starter models to download; once the server is installed it sends the browser on to the main page.
 */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/Install")
public final class InstallPage extends HtmlPage {
    private static final byte[] DONE = ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"0;url=Text2Image\"><title>Apiary</title></head><body>"
            + "<p>This server is already installed: <a href=\"Text2Image\">continue to Apiary</a>.</p></body></html>\n")
            .getBytes(StandardCharsets.UTF_8);

    private final ServerSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelDownloads downloads;

    /**
     * @param assets the unpacked assets
     * @param settings tells whether the installer has run
     */
    @Activate
    public InstallPage(@Reference AssetFolder assets, @Reference ServerSettings settings) {
        super(assets, "install");
        this.settings = settings;
    }

    @Override
    Map<String, String> values(CallContext context) {
        ModelDownloads d = downloads;
        return Map.of("models", ModelChoices.html(d == null ? null : d.knownModels()));
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        if (InstallState.installed(settings)) {
            return WebFile.of("text/html; charset=utf-8", DONE, 0);
        }
        return super.serve(path, query, context);
    }
}
