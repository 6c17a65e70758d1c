package apiary.core.t2i.internal.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import apiary.core.api.route.ApiError;
import apiary.core.api.session.Session;

/**
 * {@code GenerateText2Image}: the job's images in completion order as {@code {"images": [...]}}, or, if any image
 * failed, that error alone (SwarmUI's rule, even when other images succeeded). The calling thread is released at
 * once; a client that leaves does not stop the job, whose images are saved to its history.
 */
public final class HttpGeneration {
    private HttpGeneration() {
    }

    /**
     * @param service the generation service
     * @param session the caller
     * @param raw the request body
     * @return completes with the answer
     */
    public static CompletionStage<Map<String, Object>> run(GenerationService service, Session session, Map<String, Object> raw) {
        List<String> images = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        RunSink sink = e -> {
            synchronized (images) {
                if (e.type() == RunEvent.Type.IMAGE) {
                    images.add(String.valueOf(e.body().get("image")));
                } else if (e.type() == RunEvent.Type.ERROR) {
                    errors.add(e.body());
                }
            }
        };
        GenerationService.Job job;
        try {
            job = service.submit(session, raw, 0, GenerationService.newIndexes(), sink);
        } catch (ApiError e) {
            return CompletableFuture.failedFuture(e);
        }
        return job.done().thenApply(ok -> {
            synchronized (images) {
                if (!errors.isEmpty()) {
                    return errors.get(0);
                }
                return Map.<String, Object>of("images", List.copyOf(images));
            }
        });
    }
}
