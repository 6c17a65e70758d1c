package apiary.web.ui.internal.assets;

import apiary.core.api.web.WebFileProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /css/*}: the stylesheets and the themes GetUserSettings lists (css/themes/*.css). */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/css/")
public final class CssFiles extends StaticFiles {
    private final AssetFolder assets;

    /** @param assets the unpacked assets */
    @Activate
    public CssFiles(@Reference AssetFolder assets) {
        super("css", 300);
        this.assets = assets;
    }

    @Override
    AssetFolder assets() {
        return assets;
    }
}
