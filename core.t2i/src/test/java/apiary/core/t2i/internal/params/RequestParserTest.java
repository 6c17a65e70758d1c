package apiary.core.t2i.internal.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import apiary.core.api.route.ApiError;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.MediaInput;
import apiary.core.api.user.PresetLibrary;
import apiary.core.t2i.internal.testing.FakeModels;
import apiary.core.t2i.internal.testing.TestUser;

import org.junit.jupiter.api.Test;

class RequestParserTest {
    private final ModelCatalog catalog = ModelCatalog.of(new FakeModels()
            .add("Stable-Diffusion", "OfficialStableDiffusion/sd_xl_base_1.0.safetensors", "stable-diffusion-xl-v1-base")
            .add("Stable-Diffusion", "secret/forbidden.safetensors", null)
            .add("LoRA", "styles/ink.safetensors", null).add("LoRA", "detail.safetensors", null), null, null);
    private final ParamTable table = ParamTable.build(List.of(new ParamRegistration(1, 0, "core.t2i",
            CoreParamProvider.table(catalog))), Set.of("model_params", "param_backend_type", "param_backend_id"));
    private final Map<String, Map<String, String>> presets = new HashMap<>();
    private final PresetLibrary presetLibrary = (user, title) -> Optional.ofNullable(presets.get(title.toLowerCase()));
    private final TestUser user = new TestUser("bob", Set.of("model_params"), List.of("secret/"));

    private T2IRequestImpl parse(Map<String, Object> body) {
        return new RequestParser(table, new ValueCoercer(catalog, UserMedia.NONE), presetLibrary).parse(user, body);
    }

    private String error(Map<String, Object> body) {
        return assertThrows(ApiError.class, () -> parse(body)).getMessage();
    }

    @Test
    void valuesAreCoercedFromTheirStringFormsAndUnknownKeysIgnored() {
        T2IRequestImpl r = parse(Map.of("images", 2, "prompt", "a cat", "cfg_scale", "7.5", "Steps", "30",
                "nosuchparam", "x", "width", 640L, "donotsave", "TRUE", "aspectratio", "16 : 9"));
        assertEquals(2L, r.get(CoreParams.IMAGES).orElseThrow());
        assertEquals(7.5, r.get(CoreParams.CFG_SCALE).orElseThrow());
        assertEquals(30L, r.get(CoreParams.STEPS).orElseThrow());
        assertEquals(640L, r.getOrDefault(CoreParams.WIDTH));
        assertEquals(512L, r.getOrDefault(CoreParams.HEIGHT), "unset values read their default");
        assertEquals(true, r.get(CoreParams.DO_NOT_SAVE).orElseThrow());
        assertEquals("16:9", r.get(CoreParams.ASPECT_RATIO).orElseThrow(), "fuzzy value-list match");
        assertFalse(r.values().containsKey("nosuchparam"));
    }

    @Test
    void ignoreIfLeavesTheValueUnset() {
        T2IRequestImpl r = parse(Map.of("images", "1", "negativeprompt", "", "batchsize", "1", "vae", "None"));
        assertFalse(r.values().containsKey("images"));
        assertFalse(r.values().containsKey("negativeprompt"));
        assertFalse(r.values().containsKey("batchsize"));
        assertFalse(r.values().containsKey("vae"));
    }

    @Test
    void badValuesGetSwarmsErrorTexts() {
        assertEquals("Invalid value for parameter Steps: Invalid integer value for param Steps - '900' - must be between 0 and 500",
                error(Map.of("steps", 900)));
        assertEquals("Invalid value for parameter Steps: Invalid integer value for param Steps - 'many' - must be a valid integer (eg '0', '3', '-5', etc)",
                error(Map.of("steps", "many")));
        assertEquals("Invalid value for parameter CFG Scale: Invalid decimal value for param CFG Scale - 'x' - must be a valid decimal (eg '0.0', '3.5', '-5.2', etc)",
                error(Map.of("cfgscale", "x")));
        assertEquals("Invalid value for parameter Do Not Save: Invalid boolean value for param Do Not Save - 'yes' - must be exactly 'true' or 'false'",
                error(Map.of("donotsave", "yes")));
        assertEquals("Invalid value for parameter Images: Invalid integer value for param Images - '0' - must be between 1 and 10000",
                error(Map.of("images", 0)));
        assertTrue(error(Map.of("imageformat", "GIF")).endsWith("must be one of: `PNG`, `JPG`, `WEBP_LOSSLESS`, `WEBP`"));
        assertEquals("Invalid value for parameter Model: Invalid model value for param Model - 'nothere' - are you sure that model name is correct?",
                error(Map.of("model", "nothere")));
        assertTrue(error(Map.of("initimage", "data:image/png;base64,abc")).contains("must be a valid base64 string"));
    }

    @Test
    void modelsAreMatchedFuzzilyAndFilteredByAccess() {
        assertEquals("OfficialStableDiffusion/sd_xl_base_1.0.safetensors",
                parse(Map.of("model", "OfficialStableDiffusion/sd_xl_base_1.0")).get(CoreParams.MODEL).orElseThrow());
        assertTrue(error(Map.of("model", "secret/forbidden")).contains("are you sure that model name is correct?"),
                "a model the user may not use is not found");
        TestUser noModels = new TestUser("eve", Set.of(), List.of());
        assertEquals("You do not have permission to use parameter Model.", assertThrows(ApiError.class, () ->
                new RequestParser(table, new ValueCoercer(catalog, UserMedia.NONE), presetLibrary)
                        .parse(noModels, Map.of("model", "sd_xl_base_1.0"))).getMessage());
    }

    @Test
    void seedsAreLockedAndSizesDerived() {
        T2IRequestImpl r = parse(Map.of("seed", -1, "variationseed", "-1", "rawresolution", "1024x768"));
        long seed = r.get(CoreParams.SEED).orElseThrow();
        assertTrue(seed >= 0 && seed < Integer.MAX_VALUE);
        assertNotEquals(-1L, r.get(CoreParams.VARIATION_SEED).orElseThrow());
        assertEquals(1024L, r.getOrDefault(CoreParams.WIDTH));
        assertEquals(768L, r.getOrDefault(CoreParams.HEIGHT));
        assertTrue(parse(Map.of()).get(CoreParams.SEED).isPresent(), "a missing seed is locked too");
        assertEquals(42L, parse(Map.of("seed", 42)).get(CoreParams.SEED).orElseThrow());

        T2IRequestImpl wide = parse(Map.of("aspectratio", "16:9", "sidelength", 1024));
        assertEquals(1344L, wide.getOrDefault(CoreParams.WIDTH));
        assertEquals(768L, wide.getOrDefault(CoreParams.HEIGHT));
        assertEquals("Invalid value for parameter Raw Resolution: Invalid resolution: 10x10 (must be between 64x64 and 16384x16384)",
                error(Map.of("rawresolution", "10x10")));
    }

    @Test
    void loraWeightsArePaddedToTheLoraCount() {
        T2IRequestImpl r = parse(Map.of("loras", List.of("ink", "detail"), "loraweights", "0.5"));
        assertEquals(List.of("styles/ink", "detail"), r.get(CoreParams.LORAS).orElseThrow());
        assertEquals(List.of("0.5", "1"), r.get(CoreParams.LORA_WEIGHTS).orElseThrow());
        assertEquals(Set.of("styles/ink", "detail"), r.usedModels().get("LoRA"));
        assertEquals(List.of("1"), parse(Map.of("loras", "ink", "loraweights", "0.3,0.7")).get(CoreParams.LORA_WEIGHTS)
                .map(w -> List.of(w.get(0).equals("0.3") ? "1" : "x")).orElseThrow(), "truncated to the LoRA count");
    }

    @Test
    void presetsApplyAndAMissingPresetIsAnError() {
        presets.put("cats", Map.of("prompt", "{value}, a cat", "steps", "12"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt", "watercolour");
        body.put("presets", List.of("Cats"));
        T2IRequestImpl r = parse(body);
        assertEquals("watercolour, a cat", r.get(CoreParams.PROMPT).orElseThrow());
        assertEquals(12L, r.get(CoreParams.STEPS).orElseThrow());
        assertEquals("Preset 'dogs' does not exist.", error(Map.of("presets", List.of("dogs"))));
    }

    @Test
    void hugePromptsAndImagesAreChecked() {
        assertTrue(error(Map.of("prompt", "a".repeat(RequestParser.MAX_PROMPT_CHARS + 1))).startsWith("The prompt is too long"));
        MediaInput image = parse(Map.of("initimage", "data:image/jpeg;base64,"
                + java.util.Base64.getEncoder().encodeToString(new byte[32]))).get(CoreParams.INIT_IMAGE).orElseThrow();
        assertEquals("image/jpeg", image.mediaType());
        assertEquals(32, image.size());
    }

    @Test
    void requiredFeaturesAndUnreadParameters() {
        T2IRequestImpl r = parse(Map.of("variationseedstrength", 0.5, "prompt", "x", "steps", 5));
        assertEquals(Set.of("variation_seed"), r.requiredFeatures());
        r.get(CoreParams.STEPS);
        assertTrue(r.unread().contains("prompt"));
        assertFalse(r.unread().contains("steps"));
    }
}
