package apiary.core.backends.internal;

import java.util.List;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/**
 * SwarmUI's "Backends Admin" permissions, and the "Control" and "Parameters" ones no other bundle declares yet (the
 * model ones are core.models' ModelPermissions).
 */
@Component
public final class BackendPermissions implements PermissionProvider {
    @Override
    public List<PermissionInfo> permissions() {
        PermissionGroup b = PermissionGroup.BACKENDS_ADMIN;
        PermissionGroup c = PermissionGroup.CONTROL;
        PermissionGroup p = PermissionGroup.PARAMETERS;
        return List.of(
                of(CorePermissions.VIEW_BACKENDS_LIST, "View Backends List", "Allows viewing the list of backends.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, b),
                of(CorePermissions.ADD_REMOVE_BACKENDS, "Add/Remove Backends", "Allows adding and removing backends.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL, b),
                of(CorePermissions.EDIT_BACKENDS, "Edit Backends", "Allows editing backends' settings.", PermissionLevel.ADMINS, SafetyLevel.POWERFUL, b),
                of(CorePermissions.RESTART_BACKENDS, "Restart Backends", "Allows restarting backends.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, b),
                of(CorePermissions.TOGGLE_BACKENDS, "Toggle Backends", "Allows enabling and disabling backends.", PermissionLevel.ADMINS, SafetyLevel.SAFE, b),
                of("control_model_refresh", "Control Model Refresh", "Allows refreshing the model lists.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, c),
                of("install_features", "Install New Features", "Allows installing new features (such as ComfyUI nodes).", PermissionLevel.POWERUSERS, SafetyLevel.RISKY, c),
                of("create_tensorrt", "Create TensorRT Models", "Allows creating TensorRT models.", PermissionLevel.POWERUSERS, SafetyLevel.UNTESTED, c),
                of("extra_loras", "Extract LoRAs", "Allows extracting LoRAs from models.", PermissionLevel.POWERUSERS, SafetyLevel.UNTESTED, c),
                of("control_mem_clean", "Control Memory Cleaning", "Allows freeing backend memory.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, c),
                of("param_backend_type", "Backend Type Parameter", "Allows choosing the backend type of a generation.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, p),
                of("param_backend_id", "Backend ID Parameter", "Allows choosing the backend of a generation.", PermissionLevel.POWERUSERS, SafetyLevel.SAFE, p),
                of("param_video", "Video Params", "Allows video generation parameters.", PermissionLevel.USER, SafetyLevel.SAFE, p),
                of("param_controlnet", "ControlNet Params", "Allows ControlNet parameters.", PermissionLevel.USER, SafetyLevel.SAFE, p));
    }

    private static PermissionInfo of(String id, String name, String description, PermissionLevel level, SafetyLevel safety, PermissionGroup group) {
        return PermissionInfo.of(id, name, description, level, group).withSafety(safety);
    }
}
