package apiary.core.models.internal.routes;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import apiary.core.api.json.Json;
import apiary.core.api.model.ModelDownloadRequest;
import apiary.core.api.model.ModelDownloads;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.paths.ModelFolders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * DoModelDownloadWS: a model download with SwarmUI's progress frames, cancellable with {@code {"signal":"cancel"}}
 * or by closing the socket. Beyond SwarmUI: the download is size-limited ({@code paths.modeldownloadmaxmegabytes}),
 * an expected SHA-256 may be given as the URL fragment {@code #sha256=<hex>}, and a failed, refused or cancelled
 * download leaves no file behind.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class ModelDownloadRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(ModelDownloadRoutes.class.getName());
    private static final String SHA_FRAGMENT = "sha256=";

    private final ModelDownloads downloads;
    private final ModelLibraryService library;
    private final Json json;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "apiary-model-download");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param downloads the downloader
     * @param library rescanned once a sidecar is written
     * @param json checks the metadata text
     */
    @Activate
    public ModelDownloadRoutes(@Reference ModelDownloads downloads, @Reference ModelLibraryService library, @Reference Json json) {
        this.downloads = downloads;
        this.library = library;
        this.json = json;
    }

    @Deactivate
    void stop() {
        workers.shutdownNow();
    }

    /** @return the last frame: {@code {"success": true}} or {@code {"error": ...}} */
    @Route(permission = "download_models", userUpdate = true, returns = "",
            description = "Downloads a model to the server, with websocket progress updates.\nNote that this does not trigger a model refresh itself, you must do that after a 'success' reply.")
    public CompletionStage<Map<String, Object>> DoModelDownloadWS(Session session, WebSocketChannel socket,
            @Param(description = "The URL to download a model from.") String url,
            @Param(description = "The model's sub-type, eg `Stable-Diffusion`, `LoRA`, etc.") String type,
            @Param(description = "The filename to use for the model.") String name,
            @Param(description = "Optional raw text of JSON metadata to inject to the model.", defaultValue = Param.NULL) String metadata) {
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw new ApiError("Invalid URL.");
        }
        String fileName = name.replace(' ', '_');
        if (fileName.endsWith(".safetensors")) {
            fileName = fileName.substring(0, fileName.length() - ".safetensors".length());
        }
        ModelAccess.checkUsable(session, fileName);
        if (!ModelFolders.isSubtype(type)) {
            throw new ApiError("Invalid type.");
        }
        try {
            downloads.target(type, fileName + ".safetensors");
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
        ModelDownloadRequest request = request(url, type, fileName + ".safetensors");
        Map<String, Object> sidecar = metadata == null || metadata.isBlank() ? null : metadataObject(metadata);
        AtomicBoolean cancelled = new AtomicBoolean();
        AutoCloseable onClose = socket.onClose(() -> cancelled.set(true));
        workers.execute(() -> listenForCancel(socket, cancelled));
        return CompletableFuture.supplyAsync(() -> {
            try {
                Path saved = downloads.download(request, (done, total, perSecond) -> {
                    if (cancelled.get()) {
                        throw new DownloadCancelled();
                    }
                    Map<String, Object> frame = new LinkedHashMap<>();
                    frame.put("current_percent", total > 0 ? done / (double) total : 0.0);
                    frame.put("overall_percent", 0.2);
                    frame.put("per_second", perSecond);
                    socket.offerLatest("progress", frame);
                });
                if (sidecar != null) {
                    Files.writeString(saved.resolveSibling(fileNameOf(saved) + ".swarm.json"), json.write(sidecar), StandardCharsets.UTF_8);
                    library.rescan().join();
                }
                return Map.<String, Object>of("success", true);
            } catch (DownloadCancelled e) {
                throw new ApiError("Download was cancelled.");
            } catch (IllegalArgumentException e) {
                throw new ApiError(e.getMessage());
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Model download from {0} failed: {1}", request.url(), e.toString());
                throw new ApiError("Failed to download the model: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ".");
            } finally {
                cancelled.set(true);
                close(onClose);
            }
        }, workers);
    }

    private static final class DownloadCancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DownloadCancelled() {
            super("cancelled", null, false, false);
        }
    }

    private static ModelDownloadRequest request(String url, String type, String name) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ApiError("Invalid URL.");
        }
        String sha = null;
        String fragment = uri.getFragment();
        if (fragment != null && fragment.startsWith(SHA_FRAGMENT)) {
            sha = fragment.substring(SHA_FRAGMENT.length());
        }
        try {
            URI withoutFragment = new URI(uri.getScheme(), uri.getRawSchemeSpecificPart(), null);
            ModelDownloadRequest r = ModelDownloadRequest.of(URI.create(withoutFragment.toString()), type, name);
            return sha == null ? r : r.withSha256(sha);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ApiError("Invalid URL.");
        }
    }

    private Map<String, Object> metadataObject(String text) {
        try {
            return json.readObject(text);
        } catch (IllegalArgumentException e) {
            throw new ApiError("Invalid metadata: must be a JSON object.");
        }
    }

    /** Reads client messages until the download ends; {@code {"signal":"cancel"}} cancels it. */
    private static void listenForCancel(WebSocketChannel socket, AtomicBoolean cancelled) {
        while (!cancelled.get() && socket.isOpen()) {
            socket.receive(Duration.ofMillis(500)).ifPresent(message -> {
                if ("cancel".equalsIgnoreCase(String.valueOf(message.get("signal")))) {
                    cancelled.set(true);
                }
            });
        }
    }

    private static String fileNameOf(Path saved) {
        String n = saved.getFileName().toString();
        return n.substring(0, n.length() - ".safetensors".length());
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // Removing a close callback cannot fail in a way that matters here.
        }
    }
}
