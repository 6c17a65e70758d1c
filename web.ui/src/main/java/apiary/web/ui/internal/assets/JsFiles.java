package apiary.web.ui.internal.assets;

import apiary.core.api.web.WebFileProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /js/*}: the page scripts (plain ES modules, no build step). */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/js/")
public final class JsFiles extends StaticFiles {
    private final AssetFolder assets;

    /** @param assets the unpacked assets */
    @Activate
    public JsFiles(@Reference AssetFolder assets) {
        super("js", 300);
        this.assets = assets;
    }

    @Override
    AssetFolder assets() {
        return assets;
    }
}
