package apiary.web.ui.internal.assets;

import java.util.Map;
import java.util.Optional;

import apiary.core.api.route.CallContext;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;

/**
 * One folder of the UI's assets under its URL prefix (API.md's GET routes {@code /css/*.css}, {@code /js/*.js},
 * {@code /fonts/*.woff2}, {@code /imgs/*}): streamed files with a cache lifetime, revalidated by {@code ETag}
 * afterwards. Anything else is SwarmUI's 404.
 */
abstract class StaticFiles implements WebFileProvider {
    private final String folder;
    private final int cacheSeconds;

    StaticFiles(String folder, int cacheSeconds) {
        this.folder = folder;
        this.cacheSeconds = cacheSeconds;
    }

    /** @return the unpacked assets */
    abstract AssetFolder assets();

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        String relative = folder.isEmpty() ? path : folder + "/" + path;
        Optional<java.nio.file.Path> file = assets().find(relative);
        if (file.isEmpty() || path.startsWith("/")) {
            return WebFile.error(404, "404, file not found.", "file_not_found");
        }
        return WebFile.ofFile(file.get(), ContentTypes.of(path), cacheSeconds);
    }
}
