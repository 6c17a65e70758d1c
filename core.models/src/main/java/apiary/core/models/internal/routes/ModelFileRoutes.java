package apiary.core.models.internal.routes;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.CompletionStage;

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
import apiary.core.models.internal.paths.ModelNames;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * DeleteModel and RenameModel. Names that could leave the model folder ({@code ..}, absolute paths, backslashes) are
 * refused rather than cleaned, and sidecar files (previews, {@code .swarm.json}...) go with the model.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = "ModelsAPI", description = "API routes related to handling models (including loras, wildcards, etc).")
public final class ModelFileRoutes implements RouteProvider {
    private static final System.Logger LOG = System.getLogger(ModelFileRoutes.class.getName());

    private final ModelLibraryService library;
    private final Json json;

    /**
     * @param library the models
     * @param json JSON
     */
    @Activate
    public ModelFileRoutes(@Reference ModelLibraryService library, @Reference Json json) {
        this.library = library;
        this.json = json;
    }

    private ModelEdits edits() {
        return new ModelEdits(library, new MetadataWriter(json, library.settings().maxHeaderBytes()));
    }

    /** @return {@code {"success": true}} */
    @Route(permission = "delete_models", description = "Deletes a model from storage.", returns = "\"success\": \"true\"")
    public CompletionStage<Map<String, Object>> DeleteModel(Session session,
            @Param(description = "Full filepath name of the model being deleted.") String modelName,
            @Param(description = "What model sub-type to use, can be eg `LoRA` or `Stable-Diffusion` or etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, false);
        checkName(modelName);
        return library.ready().thenApplyAsync(done -> {
            ModelRecord r = ModelAccess.find(library, session, subtype, modelName);
            try {
                edits().delete(r);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Deleting " + r.path() + " failed", e);
                throw new ApiError("Could not delete the model file: " + e.getClass().getSimpleName());
            }
            Previews.edited();
            return Map.of("success", true);
        });
    }

    /** @return {@code {"success": true}} */
    @Route(permission = "delete_models", returns = "\"success\": \"true\"",
            description = "Renames a model file, moving it within the model folder (allowing change of subfolders).")
    public CompletionStage<Map<String, Object>> RenameModel(Session session,
            @Param(description = "Full filepath name of the model being renamed.") String oldName,
            @Param(description = "New full filepath name for the model.") String newName,
            @Param(description = "What model sub-type to use, can be eg `LoRA` or `Stable-Diffusion` or etc.", defaultValue = "Stable-Diffusion") String subtype) {
        ModelAccess.checkSubtype(subtype, false);
        checkName(oldName);
        String target = newTarget(newName);
        if (!session.user().mayUseModel(target)) {
            throw new ApiError("Model new name is not valid.");
        }
        return library.ready().thenApplyAsync(done -> {
            ModelRecord r = ModelAccess.find(library, session, subtype, oldName);
            String ext = ModelNames.extension(r.name());
            if (library.index().find(subtype, target).isPresent() || library.index().find(subtype, target + "." + ext).isPresent()) {
                throw new ApiError("Model new name is already taken by an existing model.");
            }
            try {
                edits().rename(r, target);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Renaming " + r.path() + " failed", e);
                throw new ApiError("Could not rename the model file: " + e.getClass().getSimpleName());
            }
            Previews.edited();
            return Map.of("success", true);
        });
    }

    /** SwarmUI's new-name rule (extension dropped, spaces to underscores, outer slashes trimmed), but refusing traversal. */
    private static String newTarget(String newName) {
        String n = newName == null ? "" : newName.strip();
        int slash = n.lastIndexOf('/');
        int dot = n.lastIndexOf('.');
        if (dot > slash + 1) {
            n = n.substring(0, dot);
        }
        n = n.replace(' ', '_');
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        if (n.isBlank()) {
            throw new ApiError("Model new name is not valid.");
        }
        try {
            return ModelNames.check(n);
        } catch (IllegalArgumentException e) {
            throw new ApiError("Model new name is not valid.");
        }
    }

    private static void checkName(String name) {
        try {
            ModelNames.check(name);
        } catch (IllegalArgumentException e) {
            throw new ApiError(e.getMessage());
        }
    }
}
