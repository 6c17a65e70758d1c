package apiary.core.t2i.internal.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;

import apiary.core.api.model.ModelDTO;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.server.ServerInfo;
import apiary.core.api.session.User;
import apiary.core.api.t2i.CoreParams;
import apiary.core.t2i.internal.params.ModelCatalog;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saves generated images as SwarmUI does (A.9): the path from the user's format (or {@code overrideoutpathformat}),
 * a free name, the user's format with the metadata embedded, an optional {@code .swarm.json} sidecar, every file
 * written atomically; or, with {@code donotsave} or the user's SaveFiles off, a {@code data:} URL instead.
 */
@Component(service = OutputStore.class)
public final class OutputStore {
    private final OutputFolders folders;
    private final ServerInfo server;
    private final ModelCatalog models;
    private final OutputEvents events;
    private final OutputNamer namer = new OutputNamer();
    private final MinuteCounter minuteCounter = new MinuteCounter();

    /**
     * @param folders where outputs go
     * @param server the version written into metadata
     * @param models model hashes for {@code sui_models}
     * @param events told about every saved file (history)
     */
    @Activate
    public OutputStore(@Reference OutputFolders folders, @Reference ServerInfo server, @Reference ModelCatalog models,
            @Reference OutputEvents events) {
        this.folders = folders;
        this.server = server;
        this.models = models;
        this.events = events;
    }

    /** @return the output folders */
    public OutputFolders folders() {
        return folders;
    }

    /**
     * @param request the image's parameters (its seed already the image's own)
     * @param data the backend's bytes
     * @param mediaType their media type
     * @param batchId the image's batch index text
     * @param timings prep and generation times
     * @param intermediate whether this is an intermediate output (saved only when asked)
     * @return where it went
     * @throws IOException when the image cannot be encoded or written (nothing is left half-written)
     */
    public SavedImage save(T2IRequestImpl request, byte[] data, String mediaType, String batchId,
            ImageMetadata.Timings timings, boolean intermediate) throws IOException {
        User user = request.user();
        boolean saveMetadata = UserPrefs.bool(user, "fileformat.savemetadata", true);
        String metadata = saveMetadata ? ImageMetadata.json(request, server.version(), timings,
                folders.includeModelHash() ? this::modelHash : null, false) : null;
        ImageFormat format = ImageFormat.of(request.get(CoreParams.IMAGE_FORMAT)
                .orElse(UserPrefs.text(user, "fileformat.imageformat", "PNG")));
        int quality = UserPrefs.integer(user, "fileformat.imagequality", 100);
        boolean skipSave = request.get(CoreParams.DO_NOT_SAVE).orElse(false)
                || !UserPrefs.bool(user, "savefiles", true)
                || (intermediate && request.get(apiary.core.api.t2i.T2IParamKey.bool("donotsaveintermediates")).orElse(false));
        ImageCodec.Encoded encoded = ImageCodec.encode(data, mediaType, format, quality, metadata);
        if (skipSave) {
            return new SavedImage("data:" + encoded.mediaType() + ";base64," + Base64.getEncoder().encodeToString(encoded.data()),
                    null, null, metadata);
        }
        String relative = relativePath(request, batchId);
        Path root = folders.userRoot(user.id());
        String name = namer.reserve(root, relative, encoded.extension());
        Path file = root.resolve(name);
        AtomicFiles.write(file, encoded.data());
        if (metadata != null && UserPrefs.bool(user, "fileformat.savetextfilemetadata", false)) {
            String base = name.substring(0, name.length() - encoded.extension().length() - 1);
            AtomicFiles.write(root.resolve(base + ".swarm.json"), metadata.getBytes(StandardCharsets.UTF_8));
        }
        events.saved(user.id(), name, file);
        return new SavedImage(folders.url(user.id(), name), name, file, metadata);
    }

    /**
     * @param request the request
     * @param batchId the image's batch index
     * @return the cleaned relative path (no extension) this request's image would get; checks the format early
     */
    public String relativePath(T2IRequestImpl request, String batchId) {
        User user = request.user();
        String format = request.get(CoreParams.OVERRIDE_OUT_PATH_FORMAT)
                .orElse(UserPrefs.text(user, "outpathbuilder.format", OutPathBuilder.DEFAULT_FORMAT));
        int maxLength = UserPrefs.integer(user, "outpathbuilder.maxlenperpart", 40);
        boolean skipFolders = UserPrefs.bool(user, "outpathbuilder.modelpathsskipfolders", false);
        LocalDateTime now = LocalDateTime.now();
        String relative = OutPathBuilder.build(format, Math.max(1, maxLength), new OutPathBuilder.Input(now,
                minuteCounter.next(now), request.values(), request.extraMetadata(), user.id(), batchId, skipFolders));
        return relative.isEmpty() ? "image" : relative;
    }

    private String modelHash(String subtype, String name) {
        ModelLibrary library = models.library();
        if (library == null) {
            return null;
        }
        return library.find(subtype, name).map((ModelDTO m) -> m.hashSha256).orElse(null);
    }

    /**
     * Tells the history and the namer that a file was deleted, so its name is free again.
     *
     * @param userId the owner
     * @param relative the path in the owner's folder
     * @param file the deleted file
     */
    public void deleted(String userId, String relative, Path file) {
        namer.release(file);
        events.deleted(userId, relative);
    }

    /**
     * Tells the history that a file appeared by other means than {@link #save} (a starred copy).
     *
     * @param userId the owner
     * @param relative the path in the owner's folder
     * @param file the file
     */
    public void added(String userId, String relative, Path file) {
        events.saved(userId, relative, file);
    }
}
