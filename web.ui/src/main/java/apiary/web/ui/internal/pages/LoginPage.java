package apiary.web.ui.internal.pages;

import apiary.core.api.web.WebFileProvider;
import apiary.web.ui.internal.assets.AssetFolder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code GET /Login}: the login page (login-required mode sends visitors here). */
@Component(service = WebFileProvider.class, property = WebFileProvider.PREFIX + "=/Login")
public final class LoginPage extends HtmlPage {
    /** @param assets the unpacked assets */
    @Activate
    public LoginPage(@Reference AssetFolder assets) {
        super(assets, "login");
    }
}
