package apiary.web.ui.internal.assets;

import apiary.core.api.web.WebFileProvider;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /favicon.ico}: the icon browsers ask for (the file {@code imgs/favicon.ico}). */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/favicon.ico")
public final class Favicon extends StaticFiles {
    private final AssetFolder assets;

    /** @param assets the unpacked assets */
    @Activate
    public Favicon(@Reference AssetFolder assets) {
        super("", 86400);
        this.assets = assets;
    }

    @Override
    public apiary.core.api.web.WebFile serve(String path, java.util.Map<String, String> query,
            apiary.core.api.route.CallContext context) {
        return super.serve("imgs/favicon.ico", query, context);
    }

    @Override
    AssetFolder assets() {
        return assets;
    }
}
