package apiary.core.models.internal.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;
import apiary.core.api.route.CallContext;
import apiary.core.api.session.SessionService;
import apiary.core.api.session.User;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.paths.ModelFolders;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.wildcards.WildcardStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /ViewSpecial/<subtype>/<model>}: a model's (or wildcard's) preview image, the URL ListModels hands out
 * ({@code ?editid=} only busts caches). The caller is resolved like every file route and must be allowed the model.
 * More specific prefixes (such as {@code /ViewSpecial/Preset/}) belong to other bundles and win.
 */
@Component(property = WebFileProvider.PREFIX + "=/ViewSpecial/")
public final class ModelPreviewFiles implements WebFileProvider {
    private static final int CACHE_SECONDS = 60;

    private final ModelLibraryService library;
    private final WildcardStore wildcards;
    private final SessionService sessions;
    private final Previews previews;

    /**
     * @param library the models
     * @param wildcards the wildcards
     * @param sessions resolves the caller
     * @param json JSON for header previews
     */
    @Activate
    public ModelPreviewFiles(@Reference ModelLibraryService library, @Reference WildcardStore wildcards,
            @Reference SessionService sessions, @Reference Json json) {
        this.library = library;
        this.wildcards = wildcards;
        this.sessions = sessions;
        this.previews = new Previews(json, library.settings().maxHeaderBytes());
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        Optional<User> user = sessions.userFor(context);
        if (user.isEmpty()) {
            return WebFile.error(400, "invalid or unauthorized", "invalid_user");
        }
        int slash = path.indexOf('/');
        if (slash <= 0) {
            return notFound();
        }
        String subtype = path.substring(0, slash);
        String name = path.substring(slash + 1);
        if (name.isEmpty() || !user.get().mayUseModel(name) || !valid(name)) {
            return notFound();
        }
        if ("Wildcards".equals(subtype)) {
            Path jpg = wildcards.folder().resolve(name + ".jpg").normalize();
            try {
                return jpg.startsWith(wildcards.folder()) && Files.isRegularFile(jpg)
                        ? WebFile.of("image/jpeg", Files.readAllBytes(jpg), CACHE_SECONDS) : notFound();
            } catch (java.io.IOException e) {
                return notFound();
            }
        }
        if (!ModelFolders.isSubtype(subtype)) {
            return notFound();
        }
        Optional<ModelRecord> r = library.index().find(subtype, name);
        Optional<Previews.Image> img = r.flatMap(previews::load);
        return img.map(i -> WebFile.of(i.mediaType(), i.bytes(), CACHE_SECONDS)).orElseGet(ModelPreviewFiles::notFound);
    }

    private static boolean valid(String name) {
        try {
            ModelNames.check(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static WebFile notFound() {
        return WebFile.error(404, "404, file not found.", "file_not_found");
    }
}
