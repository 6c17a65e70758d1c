package apiary.core.sessions.internal.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.model.KnownModelDTO;

import apiary.core.api.settings.SettingDef;

import org.junit.jupiter.api.Test;

class InstallChoicesTest {
    private static final Map<String, KnownModelDTO> CATALOGUE = Map.of("sd15", known("sd15"), "sdxl1", known("sdxl1"));

    private static KnownModelDTO known(String id) {
        KnownModelDTO m = new KnownModelDTO();
        m.id = id;
        m.name = id.toUpperCase();
        m.url = "https://example.com/" + id + ".safetensors";
        m.sha256 = "e9476a13728cd75d8279f6ec8bad753a66a1957ca375a1464dc63b37db6e3916";
        m.subtype = "Stable-Diffusion";
        m.file = "Official/" + id + ".safetensors";
        return m;
    }
    private static final List<SettingDef> USER_DEFAULTS = List.of(SettingDef.group("DefaultUser", "",
            SettingDef.dropdown("Theme", "modern_dark", "", List.of("modern_dark", "modern_light")),
            SettingDef.dropdown("Language", "en", "", List.of("en", "de"))));

    private static InstallChoices check(String theme, String installedFor, String backend, String models, String language,
            List<SettingDef> defs) {
        return InstallChoices.check(theme, installedFor, backend, models, false, language, false, defs, id -> Optional.ofNullable(CATALOGUE.get(id)));
    }

    private static String failure(String theme, String installedFor, String backend, String models, String language) {
        return assertThrows(InstallFailure.class,
                () -> check(theme, installedFor, backend, models, language, USER_DEFAULTS)).getMessage();
    }

    @Test
    void validChoicesParse() {
        InstallChoices c = check("modern_light", "just_self_lan", "comfyui", " sdxl1, sd15 ,sdxl1", "de", USER_DEFAULTS);
        assertTrue(c.comfy());
        assertEquals(List.of("sdxl1", "sd15"), c.models().stream().map(m -> m.id).toList());
        assertEquals(List.of(), check("modern_dark", "just_self", "none", "none", "en", USER_DEFAULTS).models());
    }

    @Test
    void eachBadValueIsNamed() {
        assertEquals("Invalid theme input!", failure("no_such_theme", "just_self", "none", "none", "en"));
        assertEquals("Invalid theme input!", failure("", "just_self", "none", "none", "en"));
        assertEquals("Invalid install type 'everyone'!", failure("modern_dark", "everyone", "none", "none", "en"));
        assertEquals("Invalid backend type 'auto1111'!", failure("modern_dark", "just_self", "auto1111", "none", "en"));
        assertEquals("Invalid model sd99!", failure("modern_dark", "just_self", "none", "sd15,sd99", "en"));
        assertEquals("Invalid language 'xx'!", failure("modern_dark", "just_self", "none", "none", "xx"));
    }

    @Test
    void withoutUserDefaultsOnlyTheShapeIsChecked() {
        assertEquals("anything_goes", check("anything_goes", "just_self", "none", "", "pt-BR", List.of()).theme());
        assertThrows(InstallFailure.class, () -> check("../../etc", "just_self", "none", "", "en", List.of()));
        assertThrows(InstallFailure.class, () -> check("modern_dark", "just_self", "none", "", "<script>", List.of()));
    }
}
