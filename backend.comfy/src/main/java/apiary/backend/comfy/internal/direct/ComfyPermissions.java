package apiary.backend.comfy.internal.direct;

import java.util.List;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionProvider;
import apiary.core.api.permission.SafetyLevel;

import org.osgi.service.component.annotations.Component;

/** SwarmUI's ComfyUI permissions. */
@Component
public final class ComfyPermissions implements PermissionProvider {
    /** Calling a ComfyUI backend directly through {@code /ComfyBackendDirect/}. */
    public static final String DIRECT_CALLS = "comfy_direct_calls";

    private static final PermissionGroup GROUP = new PermissionGroup("ComfyUI", "Permissions related to the ComfyUI backends.");

    @Override
    public List<PermissionInfo> permissions() {
        return List.of(PermissionInfo.of(DIRECT_CALLS, "ComfyUI Direct Calls",
                "Allows the user to make direct calls to the ComfyUI backend. Required for most ComfyUI usages.",
                PermissionLevel.POWERUSERS, GROUP).withSafety(SafetyLevel.POWERFUL));
    }
}
