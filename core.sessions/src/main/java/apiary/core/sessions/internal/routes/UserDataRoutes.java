package apiary.core.sessions.internal.routes;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.json.Json;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.sessions.internal.account.Accounts;
import apiary.core.sessions.internal.account.UserImpl;
import apiary.core.sessions.internal.catalog.Catalogs;
import apiary.core.sessions.internal.preset.Preset;
import apiary.core.sessions.internal.preset.PresetStore;
import apiary.core.sessions.internal.userdata.UserDataStore;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The caller's own data: the start-up bundle of user data, starred models, parameter edits and API keys. */
@Component(service = RouteProvider.class)
@RouteArea(value = Callers.AREA, description = Callers.AREA_DESCRIPTION)
public final class UserDataRoutes implements RouteProvider {
    /** The API key types a user may store (SwarmUI's). */
    static final List<String> KEY_TYPES = List.of("stability_api", "civitai_api", "huggingface_api");
    private static final String KEY_PREFIX = "key:";
    private static final int MAX_KEY_LENGTH = 4096;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Accounts accounts;
    private final PresetStore presets;
    private final UserDataStore data;
    private final Catalogs catalogs;
    private final Json json;

    /**
     * @param accounts users
     * @param presets the preset table
     * @param data per-user named values
     * @param catalogs autocompletion lists
     * @param json the JSON service
     */
    @Activate
    public UserDataRoutes(@Reference Accounts accounts, @Reference PresetStore presets, @Reference UserDataStore data,
            @Reference Catalogs catalogs, @Reference Json json) {
        this.accounts = accounts;
        this.presets = presets;
        this.data = data;
        this.catalogs = catalogs;
        this.json = json;
    }

    /** @return the user's name, presets, language, permissions, starred models and autocompletions */
    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS,
            description = "User route to get the user's own base data.",
            returns = "\"user_name\": \"username\", \"presets\": [{\"author\": \"username\", \"title\": \"Preset Title\", "
                    + "\"description\": \"Preset Description\", \"param_map\": {\"key\": \"value\"}, \"preview_image\": \"data:base64 img\"}], "
                    + "\"language\": \"en\", \"permissions\": [\"permission1\", \"permission2\"], "
                    + "\"starred_models\": {\"LoRA\": [\"one\", \"two\"]}, \"autocompletions\": [\"Word\\nword\\ntag\\n3\"]")
    public Map<String, Object> GetMyUserData(Session session) {
        UserImpl user = Callers.user(session, accounts);
        List<Map<String, Object>> presetList = new ArrayList<>();
        for (Preset p : presets.list(user.id())) {
            presetList.add(p.wire());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_name", user.id());
        out.put("presets", presetList);
        out.put("language", user.setting("language"));
        out.put("permissions", new ArrayList<>(user.permissionFlags()));
        out.put("starred_models", storedObject(user.id(), UserDataStore.STARRED_MODELS));
        out.put("model_preset_links", storedObject(user.id(), UserDataStore.MODEL_PRESET_LINKS));
        out.put("autocompletions", catalogs.autocompletions().entries(String.valueOf(user.setting("autocomplete.source")),
                Boolean.TRUE.equals(user.setting("autocomplete.escapeparens")),
                String.valueOf(user.setting("autocomplete.suffix")),
                String.valueOf(user.setting("autocomplete.spacingmode"))));
        return out;
    }

    private Object storedObject(String userId, String name) {
        return data.get(userId, name).map(e -> json.read(e.value())).orElseGet(LinkedHashMap::new);
    }

    /** @return success */
    @Route(permission = CorePermissions.FUNDAMENTAL_MODEL_ACCESS, userUpdate = true,
            description = "User route to update the user's starred models lists.", returns = "\"success\": true")
    public Map<String, Object> SetStarredModels(Session session, @Param(description = "Send the raw data as eg "
            + "'LoRA': ['one', 'two'], 'Stable-Diffusion': [ ... ]") Map<String, Object> raw) {
        data.put(session.user().id(), UserDataStore.STARRED_MODELS, json.write(raw));
        return Map.of("success", true);
    }

    /** @return success */
    @Route(permission = CorePermissions.EDIT_PARAMS, userUpdate = true,
            description = "UI internal helper for user customization of parameters.", returns = "\"success\": true")
    public Map<String, Object> SetParamEdits(Session session,
            @Param(description = "Blob of parameter edit data.") Map<String, Object> rawData) {
        Object edits = rawData.get("edits");
        if (!(edits instanceof Map)) {
            throw new ApiError("Missing 'edits' object");
        }
        data.put(session.user().id(), UserDataStore.PARAM_EDITS, json.write(edits));
        return Map.of("success", true);
    }

    /** @return success */
    @Route(permission = CorePermissions.EDIT_USER_SETTINGS, userUpdate = true,
            description = "User route to set an API key.", returns = "\"success\": true")
    public Map<String, Object> SetAPIKey(Session session,
            @Param(description = "The key type ID, eg 'stability_api'.") String keyType,
            @Param(description = "The new value of the key, or 'none' to unset.") String key) {
        checkKeyType(keyType);
        if (key.equals("none")) {
            data.remove(session.user().id(), KEY_PREFIX + keyType);
            return Map.of("success", true);
        }
        if (key.isBlank()) {
            throw new ApiError("The key must not be empty. Send 'none' to remove a key.");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw new ApiError("The key is too long.");
        }
        data.put(session.user().id(), KEY_PREFIX + keyType, key.strip());
        return Map.of("success", true);
    }

    /** @return {@code "not set"} or {@code "last updated <time>"}; the key itself is never sent */
    @Route(permission = CorePermissions.READ_USER_SETTINGS,
            description = "User route to get the current status of a given API key.",
            returns = "\"status\": \"last updated 2025-01-01 01:01\" // or \"not set\"")
    public Map<String, Object> GetAPIKeyStatus(Session session,
            @Param(description = "The key type ID, eg 'stability_api'.") String keyType) {
        checkKeyType(keyType);
        Optional<UserDataStore.Entry> entry = data.get(session.user().id(), KEY_PREFIX + keyType);
        String status = entry.map(e -> "last updated "
                + STAMP.format(Instant.ofEpochMilli(e.updatedMillis()).atZone(ZoneId.systemDefault()))).orElse("not set");
        return Map.of("status", status);
    }

    private static void checkKeyType(String keyType) {
        if (!KEY_TYPES.contains(keyType)) {
            throw new ApiError("Invalid key type '" + keyType + "'. Valid types are: " + String.join(", ", KEY_TYPES) + ".");
        }
    }
}
