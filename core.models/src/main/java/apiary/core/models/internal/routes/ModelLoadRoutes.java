package apiary.core.models.internal.routes;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendRequest;
import apiary.core.api.backend.BackendScheduler;
import apiary.core.api.backend.BackendStatusReport;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.WebSocketChannel;
import apiary.core.api.session.CurrentStatus;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelRecord;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * SelectModel and SelectModelWS: load a main model now, through the scheduler's model loading (each backend reserved,
 * waited for until free, then asked), without holding a request thread while backends load.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class ModelLoadRoutes implements RouteProvider {
    static final String FAILED = "Model failed to load.";

    private final ModelLibraryService library;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendScheduler scheduler;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /** @param library the models */
    @Activate
    public ModelLoadRoutes(@Reference ModelLibraryService library) {
        this.library = library;
    }

    /** @return {@code {"success": true}} or SwarmUI's error */
    @Route(permission = "load_models_now", userUpdate = true, returns = "\"success\": true",
            description = "Forcibly loads a model immediately on some or all backends.")
    public CompletionStage<Map<String, Object>> SelectModel(Session session,
            @Param(description = "The full filepath of the model to load.") String model,
            @Param(description = "The ID of a backend to load the model on, or null to load on all.", defaultValue = Param.NULL) String backendId) {
        return load(session, model, backendId);
    }

    /** @return the final status frame, sent after the status frame and the result frame */
    @Route(permission = "load_models_now", userUpdate = true, returns = "\"success\": true",
            description = "Forcibly loads a model immediately on some or all backends, with live status updates over websocket.")
    public CompletionStage<Object> SelectModelWS(Session session, WebSocketChannel socket,
            @Param(description = "The full filepath of the model to load.") String model) {
        ModelAccess.checkUsable(session, model);
        socket.offer(status(session));
        return load(session, model, null).handle((result, error) -> {
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            if (cause instanceof ApiError) {
                socket.offer(Map.of("error", cause.getMessage()));
            } else if (cause != null) {
                socket.offer(Map.of("error", FAILED));
            } else {
                socket.offer(result);
            }
            return status(session);
        });
    }

    private CompletionStage<Map<String, Object>> load(Session session, String model, String backendId) {
        ModelAccess.checkUsable(session, model);
        return library.ready().thenCompose(done -> {
            ModelRecord r = library.index().find("Stable-Diffusion", model).orElseThrow(() -> new ApiError(ModelAccess.NOT_FOUND));
            BackendScheduler s = scheduler;
            if (s == null) {
                throw new ApiError(FAILED);
            }
            BackendRequest request = BackendRequest.of(session, null);
            if (backendId != null) {
                try {
                    request = request.onBackend(Integer.parseInt(backendId.strip()));
                } catch (NumberFormatException e) {
                    throw new ApiError(FAILED);
                }
            }
            return s.loadModel(request, r.name());
        }).thenApply(loaded -> {
            if (loaded == null || loaded <= 0) {
                throw new ApiError(FAILED);
            }
            return Map.<String, Object>of("success", true);
        });
    }

    private Map<String, Object> status(Session session) {
        BackendRegistry r = backends;
        return CurrentStatus.of(List.of(session), r == null ? BackendStatusReport.empty() : r.status());
    }
}
