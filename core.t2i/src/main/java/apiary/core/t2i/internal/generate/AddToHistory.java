package apiary.core.t2i.internal.generate;

import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.Session;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.core.t2i.internal.output.OutputStore;
import apiary.core.t2i.internal.output.SavedImage;
import apiary.core.t2i.internal.params.T2IRequestImpl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code AddImageToHistory}: saves a client's image with the given parameters as its metadata, like a generated one. */
@Component(service = AddToHistory.class)
public final class AddToHistory {
    private final T2IParamRegistry registry;
    private final OutputStore store;
    private final GenerationExecutors executors;

    /**
     * @param registry parses the parameters
     * @param store saves the image
     * @param executors the saving threads
     */
    @Activate
    public AddToHistory(@Reference T2IParamRegistry registry, @Reference OutputStore store, @Reference GenerationExecutors executors) {
        this.registry = registry;
        this.store = store;
        this.executors = executors;
    }

    /**
     * @param session the caller
     * @param image a {@code data:} URL
     * @param raw the parameters
     * @return completes with SwarmUI's answer
     */
    public CompletionStage<Map<String, Object>> save(Session session, String image, Map<String, Object> raw) {
        Map<String, Object> params = new HashMap<>(raw);
        params.remove("image");
        T2IRequestImpl request = (T2IRequestImpl) registry.parse(session, params);
        int comma = image.indexOf(',');
        if (!image.startsWith("data:") || comma < 0) {
            return CompletableFuture.failedFuture(new ApiError("Invalid image: must be a data URL."));
        }
        int semi = image.indexOf(';');
        String type = semi > 5 && semi < comma ? image.substring(5, semi) : "image/png";
        byte[] data;
        try {
            data = Base64.getDecoder().decode(image.substring(comma + 1));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new ApiError("Invalid image: the data is not valid base64."));
        }
        long requestId = System.nanoTime();
        return CompletableFuture.supplyAsync(() -> {
            SavedImage saved;
            try {
                saved = store.save(request, data, type, "0", null, false);
            } catch (Exception e) {
                throw new ApiError("Invalid image: it is not a PNG, JPEG or WebP image.");
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("image", saved.url());
            out.put("batch_index", "0");
            out.put("request_id", Long.toString(requestId));
            out.put("metadata", saved.metadata());
            return Map.<String, Object>of("images", List.of(out));
        }, executors.saving());
    }
}
