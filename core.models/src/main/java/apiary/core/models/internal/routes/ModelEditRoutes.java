package apiary.core.models.internal.routes;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import apiary.core.api.json.Json;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.models.internal.library.ModelLibraryService;
import apiary.core.models.internal.library.ModelRecord;
import apiary.core.models.internal.library.Previews;
import apiary.core.models.internal.meta.MetadataWriter;
import apiary.core.models.internal.meta.ModelClass;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.meta.SafetensorsHeader;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * EditModelMetadata, GetModelHeaders and GetModelHash: file work runs on one edit thread (edits never interleave,
 * and no request thread waits on a disk), and each route answers when its work is done.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class ModelEditRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(ModelEditRoutes.class.getName());

    private final ModelLibraryService library;
    private final Json json;
    private final ExecutorService editThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "apiary-model-edit");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param library the models
     * @param json JSON for headers
     */
    @Activate
    public ModelEditRoutes(@Reference ModelLibraryService library, @Reference Json json) {
        this.library = library;
        this.json = json;
    }

    @Deactivate
    void stop() {
        editThread.shutdownNow();
    }

    /** @return {@code {"success": true}} once the file is written */
    @Route(permission = "edit_model_metadata", userUpdate = true, returns = "\"success\": true", maxRequestBytes = 32L * 1024 * 1024,
            description = "Modifies the metadata of a model: rewrites the safetensors header atomically (or a '.swarm.json' beside other formats).")
    public CompletionStage<Map<String, Object>> EditModelMetadata(Session session,
            @Param(description = "Exact filepath name of the model.") String model,
            @Param(description = "New model `title` metadata value.") String title,
            @Param(description = "New model `author` metadata value.") String author,
            @Param(description = "New model `architecture` metadata value (architecture ID).") String type,
            @Param(description = "New model `description` metadata value.") String description,
            @Param(description = "New model `standard_width` metadata value.") int standard_width,
            @Param(description = "New model `standard_height` metadata value.") int standard_height,
            @Param(description = "New model `usage_hint` metadata value.") String usage_hint,
            @Param(description = "New model `date` metadata value.") String date,
            @Param(description = "New model `license` metadata value.") String license,
            @Param(description = "New model `trigger_phrase` metadata value.") String trigger_phrase,
            @Param(description = "New model `prediction_type` metadata value.") String prediction_type,
            @Param(description = "New model `tags` metadata value (comma-separated list).") String tags,
            @Param(description = "New model `preview_image` metadata value (image-data-string format, 'clear' to remove, or null to not change).", defaultValue = Param.NULL) String preview_image,
            @Param(description = "Optional raw text of metadata to inject to the preview image.", defaultValue = Param.NULL) String preview_image_metadata,
            @Param(description = "New model `is_negative_embedding` metadata value.", defaultValue = "False") boolean is_negative_embedding,
            @Param(description = "New model `lora_default_weight` metadata value.", defaultValue = "") String lora_default_weight,
            @Param(description = "New model `lora_default_confinement` metadata value.", defaultValue = "") String lora_default_confinement,
            @Param(description = "The model's sub-type, eg `Stable-Diffusion`, `LoRA`, etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, false);
        ModelAccess.checkUsable(session, model);
        return library.ready().thenApplyAsync(done -> {
            ModelRecord r = ModelAccess.find(library, session, subtype, model);
            ModelMetadata m = r.metadata();
            Map<String, String> spec = new LinkedHashMap<>();
            spec.put("title", title);
            String classId = m.classId();
            if (type != null && !type.isBlank()) {
                classId = library.classTable().find(type).map(ModelClass::id).orElse(type.strip());
            }
            spec.put("architecture", classId);
            spec.put("author", author);
            spec.put("description", description);
            spec.put("thumbnail", previewValue(r, preview_image));
            spec.put("license", license);
            spec.put("usage_hint", usage_hint);
            spec.put("trigger_phrase", trigger_phrase);
            spec.put("tags", ModelEdits.tags(tags));
            spec.put("date", date);
            spec.put("prediction_type", prediction_type);
            int w = standard_width > 0 ? standard_width : r.toDto(library.classTable(), null).standardWidth;
            int h = standard_height > 0 ? standard_height : r.toDto(library.classTable(), null).standardHeight;
            spec.put("resolution", w > 0 && h > 0 ? w + "x" + h : null);
            spec.put("is_negative_embedding", is_negative_embedding ? "true" : null);
            spec.put("lora_default_weight", lora_default_weight);
            spec.put("lora_default_confinement", lora_default_confinement);
            try {
                spec.put("hash_sha256", library.hash(r));
                edits().writeMetadata(r, spec);
            } catch (IOException | SafetensorsHeader.BadHeader e) {
                LOG.log(Level.WARNING, "Editing metadata of " + r.path() + " failed", e);
                throw new ApiError("Could not write the model's metadata: " + e.getMessage());
            }
            Previews.edited();
            return Map.of("success", true);
        }, editThread);
    }

    /** The preview to store: unchanged for null, removed for {@code clear}, else a checked image data URL. */
    private String previewValue(ModelRecord r, String preview) {
        if (preview == null || preview.isBlank()) {
            return "header".equals(r.metadata().preview())
                    ? new Previews(json, library.settings().maxHeaderBytes()).load(r).map(Previews.Image::dataUrl).orElse(null) : null;
        }
        if ("clear".equals(preview)) {
            return null;
        }
        return Previews.decode(preview).map(Previews.Image::dataUrl)
                .orElseThrow(() -> new ApiError("Invalid preview image: must be a base64 image data URL."));
    }

    private ModelEdits edits() {
        return new ModelEdits(library, new MetadataWriter(json, library.settings().maxHeaderBytes()));
    }

    /** @return {@code {"headers": <the safetensors header>}} */
    @Route(permission = "edit_model_metadata", userUpdate = true,
            description = "Gets the raw headers of a model as raw JSON.",
            returns = "\"headers\": { \"diffusion_model.some.key\": { \"dtype\": \"BF16\", ... }, ... }")
    public CompletionStage<Map<String, Object>> GetModelHeaders(Session session,
            @Param(description = "Exact filepath name of the model.") String model,
            @Param(description = "The model's sub-type, eg `Stable-Diffusion`, `LoRA`, etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, false);
        ModelAccess.checkUsable(session, model);
        return library.ready().thenApplyAsync(done -> {
            ModelRecord r = ModelAccess.find(library, session, subtype, model);
            if (!r.supported() || !r.path().getFileName().toString().matches("(?i).*\\.(safetensors|sft)")) {
                throw new ApiError("Model is not a safetensors file, so it has no headers.");
            }
            try {
                return Map.of("headers", SafetensorsHeader.read(r.path(), library.settings().maxHeaderBytes(), json));
            } catch (SafetensorsHeader.BadHeader e) {
                throw new ApiError(e.getMessage());
            } catch (IOException e) {
                throw new ApiError("Could not read the model file.");
            }
        }, editThread);
    }

    /** @return {@code {"hash": "0x..."}} */
    @Route(permission = "edit_model_metadata", userUpdate = true, returns = "\"hash\": \"0xABC123\"",
            description = "Gets or creates a valid tensor hash for the requested model.")
    public CompletionStage<Map<String, Object>> GetModelHash(Session session,
            @Param(description = "Full filepath name of the model being requested.") String modelName,
            @Param(description = "What model sub-type to use, can be eg `LoRA` or `Stable-Diffusion` or etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, false);
        return library.ready().thenApplyAsync(done -> {
            ModelRecord r = ModelAccess.find(library, session, subtype, modelName);
            try {
                return Map.of("hash", library.hash(r));
            } catch (IOException e) {
                throw new ApiError("Could not hash the model file: " + e.getMessage());
            }
        }, editThread);
    }
}
