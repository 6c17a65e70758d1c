package apiary.core.models.internal.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Architecture detection: metadata first, then the key signatures of each family. */
class ClassDetectorTest {
    private final ClassDetector detector = new ClassDetector(new ModelClassTable(false));

    private static Map<String, Object> keys(String... keys) {
        Map<String, Object> h = new LinkedHashMap<>();
        for (String k : keys) {
            h.put(k, Map.of("dtype", "F16", "shape", List.of(1), "data_offsets", List.of(0, 2)));
        }
        return h;
    }

    private String detect(Map<String, Object> header, Map<String, Object> meta, String file) {
        return detector.detect(header, meta, file).map(ModelClass::id).orElse(null);
    }

    private String detect(String file, String... keys) {
        return detect(keys(keys), Map.of(), file);
    }

    @Test
    void keySignatures() {
        assertEquals("stable-diffusion-v1", detect("a.safetensors", "cond_stage_model.transformer.text_model.embeddings.position_ids"));
        assertEquals("stable-diffusion-v2-768-v", detect("v2-1_768.safetensors", "cond_stage_model.model.ln_final.bias"));
        assertEquals("stable-diffusion-v2-512", detect("v2-1_512-ema.safetensors", "cond_stage_model.model.ln_final.bias"));
        assertEquals("stable-diffusion-xl-v0_9-base",
                detect("x.safetensors", "conditioner.embedders.0.transformer.text_model.embeddings.position_embedding.weight"));
        assertEquals("Flux.1-dev", detect("f.safetensors", "double_blocks.0.img_attn.norm.key_norm.scale", "guidance_in.in_layer.bias"));
        assertEquals("Flux.1-schnell", detect("f.safetensors", "double_blocks.0.img_attn.norm.key_norm.scale"));
        assertEquals("stable-diffusion-v1/lora",
                detect("l.safetensors", "lora_unet_up_blocks_3_attentions_2_transformer_blocks_0_ff_net_2.lora_up.weight"));
        assertEquals("stable-diffusion-xl-v1-base/lora",
                detect("l.safetensors", "lora_unet_output_blocks_5_1_transformer_blocks_1_ff_net_2.lora_up.weight"));
        assertEquals("Flux.1-dev/lora", detect("l.safetensors", "lora_unet_double_blocks_0_img_attn_proj.lora_down.weight"));
        assertEquals(null, detect("unknown.safetensors", "some.random.weight"));
    }

    @Test
    void sd3SizesComeFromShapes() {
        Map<String, Object> medium = new LinkedHashMap<>();
        medium.put("model.diffusion_model.joint_blocks.0.context_block.attn.proj.bias", Map.of("shape", List.of(1536)));
        assertEquals("stable-diffusion-v3-medium", detect(medium, Map.of(), "sd3.safetensors"));
        Map<String, Object> large = new LinkedHashMap<>();
        large.put("model.diffusion_model.joint_blocks.0.context_block.attn.proj.bias", Map.of("shape", List.of(2432)));
        assertEquals("stable-diffusion-v3.5-large", detect(large, Map.of(), "sd35.safetensors"));
    }

    @Test
    void metadataWinsOverKeysWithResolutionOverride() {
        Map<String, Object> h = keys("cond_stage_model.transformer.text_model.embeddings.position_ids");
        assertEquals("stable-diffusion-xl-v1-base", detect(h, Map.of("modelspec.architecture", "stable-diffusion-xl-v1-base"), "a.safetensors"));
        assertEquals("Flux.1-dev", detect(h, Map.of("architecture", "flux-1-dev"), "a.safetensors"), "remapped spelling");
        ModelClass c = detector.detect(h, Map.of("modelspec.architecture", "stable-diffusion-v1", "modelspec.resolution", "768x640"), "a").get();
        assertEquals(768, c.width());
        assertEquals(640, c.height());
        assertEquals("stable-diffusion-v1", detect(h, Map.of("modelspec.architecture", "no-such-class"), "a.safetensors"),
                "an unknown architecture falls back to the keys");
    }

    @Test
    void specialFormats() {
        assertEquals("gguf", ClassDetector.specialFormat(Map.of(), "x.gguf"));
        assertEquals("bnb_nf4", ClassDetector.specialFormat(keys("a.weight.quant_state.bitsandbytes__nf4"), "x.safetensors"));
        assertEquals("fp8_scaled", ClassDetector.specialFormat(keys("scaled_fp8"), "x.safetensors"));
        assertEquals("", ClassDetector.specialFormat(keys("a.weight"), "x.safetensors"));
    }
}
