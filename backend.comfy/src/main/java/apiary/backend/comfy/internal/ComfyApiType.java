package apiary.backend.comfy.internal;

import java.util.List;

import apiary.backend.comfy.internal.backend.ComfyAddress;
import apiary.backend.comfy.internal.backend.ComfyBackend;
import apiary.backend.comfy.internal.backend.ComfySettings;
import apiary.core.api.backend.Backend;
import apiary.core.api.backend.BackendContext;
import apiary.core.api.backend.BackendType;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code comfyui_api}: a ComfyUI server that is already running, by its address (SwarmUI's settings and ids). */
@Component(service = BackendType.class) // named: DS registers only directly implemented interfaces
public final class ComfyApiType extends ComfyTypeBase {
    private static final BackendTypeInfo INFO = BackendTypeInfo.of("comfyui_api", "ComfyUI API By URL",
            "A backend powered by a pre-existing installation of ComfyUI, referenced via API base URL.", List.of(
                    SettingDef.text("Address", "", "The address of the ComfyUI instance, eg 'http://localhost:8188'."),
                    SettingDef.bool("AllowIdle", false, "Whether the backend is allowed to revert to an 'idle' state if the API address is unresponsive.\n"
                            + "An idle state is not considered an error, but cannot generate.\nIt will automatically return to 'running' if the API becomes available."),
                    OVER_QUEUE,
                    SettingDef.bool("EnableFrontendDev", false, "If true, the address is a frontend-development ComfyUI: the API is under '/api'.")))
            .withFastLoad();

    /** @param driver the shared driver state */
    @Activate
    public ComfyApiType(@Reference ComfyDriver driver) {
        super(INFO, driver);
    }

    @Override
    public Backend create(BackendContext context) {
        ComfySettings s = settingsOf(context);
        if (s.text("Address").isEmpty()) {
            throw new IllegalArgumentException("No Address is set: give the URL of the ComfyUI server, e.g. http://localhost:8188.");
        }
        ComfyAddress.check(s);
        return new ComfyBackend(context, driver.services(), s.flag("AllowIdle"));
    }
}
