package apiary.backend.comfy.internal.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import apiary.backend.comfy.internal.info.ObjectInfo;
import apiary.backend.comfy.testing.TestJson;
import apiary.backend.comfy.testing.TestRequest;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.t2i.CoreParams;

import org.junit.jupiter.api.Test;

/** The standard graph: SwarmUI's node ids and links, model names as the server knows them, the save node choice. */
class WorkflowBuilderTest {
    private static final TestJson JSON = new TestJson();

    private static ObjectInfo windowsServer() {
        return new ObjectInfo(JSON.read("{"
                + "\"CheckpointLoaderSimple\":{\"input\":{\"required\":{\"ckpt_name\":[[\"sd15\\\\base.safetensors\"],{}]}}},"
                + "\"LoraLoader\":{\"input\":{\"required\":{\"lora_name\":[[\"styles\\\\ink.pt\",\"glow.safetensors\"],{}]}}},"
                + "\"VAELoader\":{\"input\":{\"required\":{\"vae_name\":[[\"kl-f8.ckpt\"],{}]}}}}"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void buildsSwarmsGraphWithTheServersModelNames() throws Exception {
        TestRequest r = new TestRequest().set(CoreParams.MODEL, "sd15/base").set(CoreParams.PROMPT, "a cat")
                .set(CoreParams.STEPS, 10L).set(CoreParams.SEED, 42L).set(CoreParams.LORAS, List.of("styles/ink", "glow"))
                .set(CoreParams.LORA_WEIGHTS, List.of("0.5", "1")).set(CoreParams.VAE, "kl-f8")
                .set(CoreParams.CLIP_STOP_AT_LAYER, -2L);
        Map<String, Object> g = new WorkflowBuilder(windowsServer()).build(r, (img, n) -> "x.png").graph();
        assertEquals("sd15\\base.safetensors", inputs(g, "4").get("ckpt_name"), "the extension found in the server's list, its separator used");
        assertEquals("styles\\ink.pt", inputs(g, "100").get("lora_name"), "a LoRA that is not .safetensors keeps its own extension");
        assertEquals(0.5, inputs(g, "100").get("strength_model"));
        assertEquals("glow.safetensors", inputs(g, "101").get("lora_name"));
        assertEquals(List.of("100", 0), inputs(g, "101").get("model"), "the chain links LoRA to LoRA");
        assertEquals("kl-f8.ckpt", inputs(g, "103").get("vae_name"));
        assertEquals(-2L, inputs(g, "102").get("stop_at_clip_layer"));
        Map<String, Object> sampler = inputs(g, "10");
        assertEquals(List.of("101", 0), sampler.get("model"));
        assertEquals(42L, sampler.get("noise_seed"));
        assertEquals("fixed", sampler.get("control_after_generate"));
        assertEquals(List.of("103", 0), inputs(g, "8").get("vae"));
        assertEquals("SaveImage", ((Map<String, Object>) g.get("9")).get("class_type"), "no SaveImageWebsocket on this server");
    }

    @Test
    @SuppressWarnings("unchecked")
    void donotsaveWritesNothingOnTheServerAndTheWebSocketSaverIsPreferred() throws Exception {
        TestRequest r = new TestRequest().set(CoreParams.MODEL, "sd15/base.safetensors").set(CoreParams.DO_NOT_SAVE, true);
        Map<String, Object> plain = new WorkflowBuilder(windowsServer()).build(r, (img, n) -> "").graph();
        assertEquals("PreviewImage", ((Map<String, Object>) plain.get("9")).get("class_type"), "a temp file, not an output");
        ObjectInfo withWs = new ObjectInfo(JSON.read("{\"SaveImageWebsocket\":{\"input\":{}},"
                + "\"CheckpointLoaderSimple\":{\"input\":{\"required\":{\"ckpt_name\":[[\"a.safetensors\"],{}]}}}}"));
        Map<String, Object> ws = new WorkflowBuilder(withWs).build(new TestRequest().set(CoreParams.MODEL, "a"), (img, n) -> "").graph();
        assertEquals("SaveImageWebsocket", ((Map<String, Object>) ws.get("9")).get("class_type"));
        assertEquals("a.safetensors", inputs(ws, "4").get("ckpt_name"));
    }

    @Test
    void aRequestWithoutAModelGetsSwarmsMessage() {
        GenerationException e = assertThrows(GenerationException.class,
                () -> new WorkflowBuilder(windowsServer()).build(new TestRequest().set(CoreParams.PROMPT, "x"), (img, n) -> ""));
        assertEquals("No model input given. Did your UI load properly?", e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inputs(Map<String, Object> graph, String id) {
        return (Map<String, Object>) ((Map<String, Object>) graph.get(id)).get("inputs");
    }
}
