package apiary.web.ui.internal.pages;

import apiary.core.api.web.WebFileProvider;
import apiary.web.ui.internal.assets.AssetFolder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /docs}: the API reference rendered from /openapi.json. */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/docs")
public final class DocsPage extends HtmlPage {
    /** @param assets the unpacked assets */
    @Activate
    public DocsPage(@Reference AssetFolder assets) {
        super(assets, "docs");
    }
}
