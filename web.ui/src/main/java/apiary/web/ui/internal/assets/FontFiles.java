package apiary.web.ui.internal.assets;

import apiary.core.api.web.WebFileProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /fonts/*}: web fonts. */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/fonts/")
public final class FontFiles extends StaticFiles {
    private final AssetFolder assets;

    /** @param assets the unpacked assets */
    @Activate
    public FontFiles(@Reference AssetFolder assets) {
        super("fonts", 86400);
        this.assets = assets;
    }

    @Override
    AssetFolder assets() {
        return assets;
    }
}
