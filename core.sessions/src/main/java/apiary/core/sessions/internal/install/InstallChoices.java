package apiary.core.sessions.internal.install;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import apiary.core.api.model.KnownModelDTO;

import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingsTree;

/**
 * The installer's input, checked before anything is changed.
 *
 * @param theme the default theme for users
 * @param installedFor {@code just_self} or {@code just_self_lan}
 * @param comfy whether to add a self-starting ComfyUI backend
 * @param models the models to download
 * @param amd whether the machine has an AMD GPU
 * @param language the default language for users
 * @param shortcut whether to make a desktop shortcut
 */
record InstallChoices(String theme, String installedFor, boolean comfy, List<KnownModelDTO> models, boolean amd,
        String language, boolean shortcut) {
    static final String THEME_SETTING = "defaultuser.theme";
    static final String LANGUAGE_SETTING = "defaultuser.language";
    private static final Pattern THEME_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LANGUAGE_ID = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,2}");

    /**
     * @param definitions the server settings tree, whose user defaults know the valid themes and languages
     * @param catalogue finds a downloadable model by id (empty for none, e.g. when downloads are unavailable)
     * @return the checked choices
     * @throws InstallFailure naming the first bad value, in SwarmUI's words where it has them
     */
    static InstallChoices check(String theme, String installedFor, String backend, String models, boolean amd,
            String language, boolean shortcut, List<SettingDef> definitions,
            Function<String, Optional<KnownModelDTO>> catalogue) {
        if (!allowed(definitions, THEME_SETTING, THEME_ID, theme)) {
            throw new InstallFailure("Invalid theme input!");
        }
        if (!"just_self".equals(installedFor) && !"just_self_lan".equals(installedFor)) {
            throw new InstallFailure("Invalid install type '" + installedFor + "'!");
        }
        if (!"comfyui".equals(backend) && !"none".equals(backend)) {
            throw new InstallFailure("Invalid backend type '" + backend + "'!");
        }
        if (!allowed(definitions, LANGUAGE_SETTING, LANGUAGE_ID, language)) {
            throw new InstallFailure("Invalid language '" + language + "'!");
        }
        return new InstallChoices(theme, installedFor, "comfyui".equals(backend), models(models, catalogue), amd,
                language, shortcut);
    }

    /** A value must be one of the user setting's options when that setting lists them, else look like an id. */
    private static boolean allowed(List<SettingDef> definitions, String setting, Pattern shape, String value) {
        if (value == null || !shape.matcher(value).matches()) {
            return false;
        }
        Optional<List<String>> options = SettingsTree.find(definitions, setting).map(SettingDef::values);
        return options.isEmpty() || options.get().contains(value);
    }

    private static List<KnownModelDTO> models(String text, Function<String, Optional<KnownModelDTO>> catalogue) {
        if (text == null || text.isBlank() || "none".equals(text.strip())) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        List<KnownModelDTO> out = new ArrayList<>();
        for (String id : ids) {
            out.add(catalogue.apply(id).orElseThrow(() -> new InstallFailure("Invalid model " + id + "!")));
        }
        return out;
    }
}
