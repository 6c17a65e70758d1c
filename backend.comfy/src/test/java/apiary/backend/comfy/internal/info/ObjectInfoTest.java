package apiary.backend.comfy.internal.info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import apiary.backend.comfy.testing.TestJson;

import org.junit.jupiter.api.Test;

/** object_info parsing: both combo shapes, model lists, the folder separator, feature flags, bad answers. */
class ObjectInfoTest {
    private static final TestJson JSON = new TestJson();

    @Test
    void readsLegacyAndV3CombosAndWindowsNames() {
        ObjectInfo info = new ObjectInfo(JSON.read("{"
                + "\"CheckpointLoaderSimple\":{\"input\":{\"required\":{\"ckpt_name\":[[\"sd\\\\a.safetensors\",\"b.safetensors\"],{}]}}},"
                + "\"LoraLoader\":{\"input\":{\"required\":{\"lora_name\":[\"COMBO\",{\"options\":[\"x.safetensors\"],\"multiselect\":false}]}}},"
                + "\"KSampler\":{\"input\":{\"required\":{\"sampler_name\":[[\"euler\",\"my_new_sampler\"]]}}},"
                + "\"SwarmKSampler\":{\"input\":{}},\"SaveImageWebsocket\":{\"input\":{}}}"));
        assertEquals(List.of("sd\\a.safetensors", "b.safetensors"), info.combo("CheckpointLoaderSimple", "ckpt_name"));
        assertEquals(List.of("x.safetensors"), info.combo("LoraLoader", "lora_name"), "V3 shape");
        assertTrue(info.usesBackslash());
        assertEquals(List.of("sd/a.safetensors", "b.safetensors"), info.models().get("Stable-Diffusion"));
        List<String> features = info.features();
        assertTrue(features.contains("folderbackslash"));
        assertTrue(features.contains("variation_seed"), "SwarmKSampler present");
        assertFalse(features.contains("freeu"), "FreeU missing: presumed feature dropped");
        SamplerCatalog samplers = new SamplerCatalog();
        samplers.learn(info);
        assertTrue(samplers.samplers().contains("my_new_sampler"));
        assertEquals(List.of(), info.combo("Nope", "x"));
    }

    @Test
    void refusesAnswersThatAreNotObjectInfo() {
        assertThrows(IllegalArgumentException.class, () -> new ObjectInfo(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ObjectInfo(JSON.read("{\"error\":\"boom\"}")));
    }
}
