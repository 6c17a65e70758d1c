package apiary.core.models.internal;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/**
 * The model permissions (SwarmUI's ids, names, levels and groups), declared by the bundle whose routes check them:
 * the ModelsAPI and UtilAPI routes, and {@code model_params}, which the generation parameters that name models
 * require (core.t2i reads it by id).
 */
@Component
public final class ModelPermissions implements PermissionProvider {
    /** Choosing models in generation parameters. */
    public static final String MODEL_PARAMS = "model_params";

    @Override
    public List<PermissionInfo> permissions() {
        PermissionGroup c = PermissionGroup.CONTROL;
        return List.of(
                of("load_models_now", "Load Models Now", "Allows loading models onto backends at once.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, c),
                of("edit_wildcards", "Edit Wildcards", "Allows editing wildcard files.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, c),
                of("edit_model_metadata", "Edit Model Metadata", "Allows editing model metadata.", PermissionLevel.POWERUSERS, SafetyLevel.UNTESTED, c),
                of("download_models", "Download Models", "Allows downloading models to the server.", PermissionLevel.POWERUSERS, SafetyLevel.UNTESTED, c),
                of("reset_metadata", "Reset Metadata", "Allows resetting model metadata.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, c),
                of("pickle2safetensors", "Pickle2SafeTensors", "Allows converting pickle models to safetensors.", PermissionLevel.POWERUSERS, SafetyLevel.RISKY, c),
                of("delete_models", "Delete Models", "Allows deleting and renaming models.", PermissionLevel.POWERUSERS, SafetyLevel.UNTESTED, c),
                of(MODEL_PARAMS, "Model Params", "Allows choosing models in generation parameters.", PermissionLevel.USER, SafetyLevel.SAFE,
                        PermissionGroup.PARAMETERS));
    }

    private static PermissionInfo of(String id, String name, String description, PermissionLevel level, SafetyLevel safety, PermissionGroup group) {
        return PermissionInfo.of(id, name, description, level, group).withSafety(safety);
    }
}
