package apiary.core.models.internal.download;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.json.Json;
import apiary.core.api.model.KnownModelDTO;
import apiary.core.api.model.ModelDownloadRequest;
import apiary.core.api.model.ModelDownloads;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.paths.ModelSettings;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link ModelDownloads}: downloads into the subtype's download folder (one download per target at a time), then
 * rescans so the model is listed.
 */
@Component(service = ModelDownloads.class)
public final class ModelDownloadService implements ModelDownloads {
    private final ModelSettings settings;
    private final ModelLibraryService library;
    private final KnownModels catalogue;
    private final ModelDownloader downloader = new ModelDownloader(Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofMillis(500));
    private final Set<Path> running = ConcurrentHashMap.newKeySet();

    /**
     * @param settings folders and the size limit
     * @param library rescanned after a download
     * @param json reads the catalogue
     */
    @Activate
    public ModelDownloadService(@Reference ModelSettings settings, @Reference ModelLibraryService library, @Reference Json json) {
        this.settings = settings;
        this.library = library;
        this.catalogue = KnownModels.load(json);
    }

    @Override
    public List<KnownModelDTO> knownModels() {
        return catalogue.all();
    }

    @Override
    public Optional<KnownModelDTO> knownModel(String id) {
        return catalogue.find(id);
    }

    @Override
    public Path target(String subtype, String name) {
        Path folder = settings.folders().downloadFolder(subtype);
        Path target = folder.resolve(ModelNames.check(name)).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new IllegalArgumentException("Invalid name: must be a relative path inside the model folder.");
        }
        return target;
    }

    @Override
    public Path download(ModelDownloadRequest request, Progress progress) throws IOException {
        String scheme = request.url().getScheme() == null ? "" : request.url().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("Invalid URL.");
        }
        Optional<String> sha = request.sha256();
        if (sha.isPresent() && !sha.get().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("Invalid SHA-256: must be 64 hex digits.");
        }
        Path target = target(request.subtype(), request.name());
        if (Files.exists(target)) {
            throw new IllegalArgumentException("Model at that save path already exists.");
        }
        long limit = request.maxBytes() > 0 ? Math.min(request.maxBytes(), settings.maxDownloadBytes()) : settings.maxDownloadBytes();
        if (!running.add(target)) {
            throw new IllegalArgumentException("A download to that save path is already running.");
        }
        try {
            downloader.download(request.url(), sha.orElse(null), limit, target, progress);
        } finally {
            running.remove(target);
        }
        library.rescan().join();
        return target;
    }
}
