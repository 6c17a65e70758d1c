package apiary.backend.comfy.internal;

import java.util.List;

import apiary.backend.comfy.internal.backend.SelfStartBackend;
import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code comfyui_selfstart}: a ComfyUI that Apiary starts, watches and stops itself (SwarmUI's settings and ids). */
@Component(service = BackendType.class) // named: DS registers only directly implemented interfaces
public final class ComfySelfStartType extends ComfyTypeBase {
    private static final List<String> UPDATE = List.of("true", "aggressive", "false");
    private static final BackendTypeInfo INFO = BackendTypeInfo.of("comfyui_selfstart", "ComfyUI Self-Starting",
            "A backend powered by a local installation of ComfyUI, automatically launched.", List.of(
                    SettingDef.text("StartScript", "", "The location of the 'main.py' file. Can be an absolute or relative path, but must end with 'main.py'."),
                    SettingDef.text("ExtraArgs", "", "Any arguments to include in the launch script."),
                    SettingDef.bool("DisableInternalArgs", false, "If true, Apiary will not add its own arguments (model paths, preview method, front end version)."),
                    SettingDef.dropdown("AutoUpdate", "false", "Whether ComfyUI should update itself at launch. Apiary never runs updates (it has no network to fetch them); kept for SwarmUI compatibility.", UPDATE),
                    SettingDef.dropdown("UpdateManagedNodes", "false", "Whether managed custom nodes should update at launch (see AutoUpdate).", UPDATE),
                    SettingDef.dropdown("FrontendVersion", "LatestSwarmValidated", "Which version of the ComfyUI frontend to use.",
                            List.of("Latest", "None", "LatestSwarmValidated", "Legacy")),
                    SettingDef.dropdown("EnablePreviews", "true", "Whether previews are enabled: 'true' (latent2rgb), 'taesd', or 'false'.", List.of("false", "true", "taesd")),
                    SettingDef.text("GPU_ID", "0", "Which GPU to use, if multiple are available. Given to the process as CUDA_VISIBLE_DEVICES / ROCR_VISIBLE_DEVICES."),
                    OVER_QUEUE,
                    SettingDef.bool("AutoRestart", true, "If true, the ComfyUI process is restarted whenever it stops unexpectedly.")))
            .asStandard();

    /** @param driver the shared driver state */
    @Activate
    public ComfySelfStartType(@Reference ComfyDriver driver) {
        super(INFO, driver);
    }

    @Override
    public Backend create(BackendContext context) {
        settingsOf(context);
        return new SelfStartBackend(context, driver.services(), driver.selfStartEnvironment());
    }
}
