package apiary.backend.comfy.internal;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * The {@code comfyui.*} server settings: the port self-started ComfyUI servers count up from (SwarmUI keeps this as
 * {@code Network.BackendStartingPort}; here it lives with the bundle that uses it).
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=520")
public final class ComfySettingsContributor implements ServerSettingsContributor {
    /** Dotted id of the starting port. */
    public static final String STARTING_PORT = "comfyui.backendstartingport";
    /** Its definition. */
    public static final SettingDef STARTING_PORT_DEF = SettingDef.integer("BackendStartingPort", 7820,
            "Self-started ComfyUI servers take the first free port above this one (7821, 7822, ...).");

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("ComfyUI", "Settings of the ComfyUI backends.", STARTING_PORT_DEF));
    }
}
