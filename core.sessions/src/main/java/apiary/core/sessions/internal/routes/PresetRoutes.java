package apiary.core.sessions.internal.routes;

import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.preset.PresetEditor;
import apiary.core.sessions.internal.preset.PresetStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The caller's parameter presets: add or edit, duplicate, delete. */
@Component(service = RouteProvider.class)
@RouteArea(value = Callers.AREA, description = Callers.AREA_DESCRIPTION)
public final class PresetRoutes implements RouteProvider {
    private final PresetStore store;
    private final PresetEditor editor;

    /**
     * @param store the preset table
     * @param json JSON for parameter values
     */
    @Activate
    public PresetRoutes(@Reference PresetStore store, @Reference Json json) {
        this.store = store;
        this.editor = new PresetEditor(store, json);
    }

    /**
     * @return success, or {@code preset_fail} with a reason
     */
    // The preview arrives as a data URL of a full-size image (it is stored re-encoded small).
    @Route(permission = CorePermissions.MANAGE_PRESETS, userUpdate = true, maxRequestBytes = 32L * 1024 * 1024,
            description = "User route to add a new parameter preset.",
            returns = "\"success\": true\n// or:\n\"preset_fail\": \"Some friendly error text here\"")
    public Map<String, Object> AddNewPreset(Session session,
            @Param(description = "Name of the new preset.") String title,
            @Param(description = "User-facing description text.") String description,
            @Param(description = "Use 'param_map' key to send the raw parameter mapping, equivalent to GenerateText2Image.") Map<String, Object> raw,
            @Param(defaultValue = Param.NULL, description = "Optional preview image data base64 string.") String preview_image,
            @Param(defaultValue = "False", description = "If true, edit an existing preset. If false, do not override pre-existing presets of the same name.") boolean is_edit,
            @Param(defaultValue = Param.NULL, description = "If is_edit is set, include the original preset name here.") String editing) {
        return result(editor.add(session.user().id(),
                new PresetEditor.Request(title, description, raw, preview_image, is_edit, editing)));
    }

    /**
     * @return success, or {@code preset_fail} when there is no such preset
     */
    @Route(permission = CorePermissions.MANAGE_PRESETS, userUpdate = true,
            description = "User route to duplicate an existing preset.", returns = "\"success\": true")
    public Map<String, Object> DuplicatePreset(Session session,
            @Param(description = "Name of the preset to duplicate.") String preset) {
        return result(editor.duplicate(session.user().id(), preset));
    }

    /**
     * @return whether a preset was deleted
     */
    @Route(permission = CorePermissions.MANAGE_PRESETS, userUpdate = true,
            description = "User route to delete a preset.", returns = "\"success\": true")
    public Map<String, Object> DeletePreset(Session session,
            @Param(description = "Name of the preset to delete.") String preset) {
        return Map.of("success", store.delete(session.user().id(), preset));
    }

    private static Map<String, Object> result(Optional<String> failure) {
        return failure.<Map<String, Object>>map(f -> Map.of("preset_fail", f)).orElse(Map.of("success", true));
    }
}
