package apiary.web.ui.internal.assets;

import apiary.core.api.web.WebFileProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /imgs/*}: images such as imgs/model_placeholder.jpg, the preview that ListModels and presets hand out. */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/imgs/")
public final class ImageFiles extends StaticFiles {
    private final AssetFolder assets;

    /** @param assets the unpacked assets */
    @Activate
    public ImageFiles(@Reference AssetFolder assets) {
        super("imgs", 86400);
        this.assets = assets;
    }

    @Override
    AssetFolder assets() {
        return assets;
    }
}
