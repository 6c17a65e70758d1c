package apiary.core.sessions.internal.routes;

import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.account.RequestUsers;
import apiary.core.sessions.internal.preset.Preset;
import apiary.core.sessions.internal.preset.PresetStore;
import apiary.core.sessions.internal.settings.AuthSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /ViewSpecial/Preset/<title>}: the caller's own preset preview, the URL that GetMyUserData hands out
 * for presets with an image ({@code ?editid=} only busts caches). Titles match ignoring case, as SwarmUI's do.
 */
@Component(property = WebFileProvider.PREFIX + "=/ViewSpecial/Preset/")
public final class PresetPreviewFiles implements WebFileProvider {
    private static final String JPEG_DATA = "data:image/jpeg;base64,";

    private final Accounts accounts;
    private final AuthSettings auth;
    private final PresetStore presets;

    /**
     * @param accounts users and login tokens
     * @param auth the login mode
     * @param presets the stored presets
     */
    @Activate
    public PresetPreviewFiles(@Reference Accounts accounts, @Reference AuthSettings auth, @Reference PresetStore presets) {
        this.accounts = accounts;
        this.auth = auth;
        this.presets = presets;
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        Optional<RequestUsers.Caller> caller = RequestUsers.resolve(context, accounts, auth);
        if (caller.isEmpty()) {
            return WebFile.error(400, "invalid or unauthorized", "invalid_user");
        }
        Optional<Preset> preset = path.isEmpty() ? Optional.empty() : presets.find(caller.get().user().id(), path);
        if (preset.isEmpty() || !preset.get().previewImage().startsWith(JPEG_DATA)) {
            return WebFile.error(404, "404, file not found.", "file_not_found");
        }
        byte[] jpeg = Base64.getDecoder().decode(preset.get().previewImage().substring(JPEG_DATA.length()));
        return WebFile.of("image/jpeg", jpeg, 2);
    }
}
