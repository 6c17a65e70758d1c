package apiary.core.t2i.internal.routes;

import java.util.Map;
import java.util.concurrent.CompletionStage;

import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.Session;
import apiary.core.t2i.internal.generate.AddToHistory;
import apiary.core.t2i.internal.generate.GenerationService;
import apiary.core.t2i.internal.generate.HttpGeneration;
import apiary.core.t2i.internal.generate.WsGeneration;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The generation routes of SwarmUI's T2IAPI: GenerateText2Image (HTTP and WebSocket) and AddImageToHistory. */
@Component(service = RouteProvider.class)
@RouteArea(value = T2IArea.NAME, description = T2IArea.DESCRIPTION)
public final class GenerateRoutes implements RouteProvider {
    /** Generation requests may carry init images and masks. */
    static final long MAX_REQUEST_BYTES = 200L * 1024 * 1024;
    private static final String RAW = "Raw mapping of input should contain general T2I parameters (see ListT2IParams) to values, "
            + "eg {\"prompt\": \"a photo of a cat\", \"model\": \"OfficialStableDiffusion/sd_xl_base_1.0\", \"steps\": 20, ...}. "
            + "All parameters go on the same level as images and session_id. The key 'extra_metadata' may hold extra metadata.";

    private final GenerationService service;
    private final AddToHistory addToHistory;

    /**
     * @param service the generation service
     * @param addToHistory saves images without generating
     */
    @Activate
    public GenerateRoutes(@Reference GenerationService service, @Reference AddToHistory addToHistory) {
        this.service = service;
        this.addToHistory = addToHistory;
    }

    /** @return the images, or the error */
    @Route(permission = "basic_image_generation", userUpdate = true, maxRequestBytes = MAX_REQUEST_BYTES,
            description = "Generate images from text prompts, directly as an HTTP route.",
            returns = "\"images\": [\"View/local/raw/2024-01-02/0304001-a photo of a cat-etc.png\"]")
    public CompletionStage<Map<String, Object>> GenerateText2Image(Session session,
            @Param(description = "The number of images to generate.") int images,
            @Param(description = RAW) Map<String, Object> rawInput) {
        return HttpGeneration.run(service, session, rawInput);
    }

    /** @return the final status frame */
    @Route(permission = "basic_image_generation", userUpdate = true, maxRequestBytes = MAX_REQUEST_BYTES,
            description = "Generate images from text prompts, with WebSocket updates. This is the most important route inside of Swarm.",
            returns = "\"status\": {...}  // GetCurrentStatus, at the documented moments\n"
                    + "\"gen_progress\": { \"batch_index\": \"0\", \"request_id\": \"1\", \"overall_percent\": 0.1, \"current_percent\": 0.0, \"preview\": \"data:image/jpeg;base64,...\" }\n"
                    + "\"image\": \"View/local/raw/...png\", \"batch_index\": \"0\", \"request_id\": \"1\", \"metadata\": \"{...}\"\n"
                    + "\"keep_alive\": true\n\"discard_indices\": []\n\"socket_intention\": \"close\"")
    public CompletionStage<Object> GenerateText2ImageWS(Session session, WebSocketChannel socket,
            @Param(description = "The number of images to generate.") int images,
            @Param(description = RAW) Map<String, Object> rawInput) {
        return new WsGeneration(service, session, socket).start(rawInput);
    }

    /** @return the saved image */
    @Route(permission = "basic_image_generation", userUpdate = true, maxRequestBytes = MAX_REQUEST_BYTES,
            description = "Takes an image and stores it directly in the user's history. Behaves like GenerateText2Image but never queues a generation.",
            returns = "\"images\": [ { \"image\": \"View/local/raw/...png\", \"batch_index\": \"0\", \"request_id\": \"1\", \"metadata\": \"{...}\" } ]")
    public CompletionStage<Map<String, Object>> AddImageToHistory(Session session,
            @Param(description = "Data URL of the image to save.") String image,
            @Param(description = RAW) Map<String, Object> rawInput) {
        return addToHistory.save(session, image, rawInput);
    }
}
