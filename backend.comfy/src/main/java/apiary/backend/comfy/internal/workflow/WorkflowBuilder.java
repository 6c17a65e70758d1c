package apiary.backend.comfy.internal.workflow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.info.ObjectInfo;
import apiary.backend.comfy.internal.params.ComfyParams;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IRequest;

/**
 * Builds SwarmUI's standard text-to-image graph for plain ComfyUI (behaviour §B.3) with SwarmUI's fixed node ids:
 * {@code 4} checkpoint, {@code 5} latent (or VAE-encoded init image), {@code 6}/{@code 7} prompts, {@code 10}
 * KSamplerAdvanced, {@code 8} VAE decode, {@code 9} save; LoRA chain, VAE override, CLIP skip and the init image
 * take ids from 100 up. The images come back over the WebSocket ({@code SaveImageWebsocket}) when the server has
 * that node, so nothing is left on the ComfyUI host; else through {@code SaveImage} or, with {@code donotsave},
 * {@code PreviewImage}.
 */
public final class WorkflowBuilder {
    private static final java.util.regex.Pattern EXTENSION = java.util.regex.Pattern.compile("\\.[A-Za-z][A-Za-z0-9]{0,10}$");

    private final ObjectInfo info;
    private final char separator;
    private final Map<String, List<String>> models;
    private final Map<String, Object> graph = new LinkedHashMap<>();
    private int nextId = 100;

    /**
     * @param info what the server offers
     */
    public WorkflowBuilder(ObjectInfo info) {
        this.info = info;
        this.separator = info.usesBackslash() ? '\\' : '/';
        this.models = info.models();
    }

    /**
     * @param request the parsed parameters
     * @param uploader uploads the init image
     * @return the graph
     * @throws GenerationException for a request without a model
     * @throws ComfyException when an upload fails
     */
    public Workflow build(T2IRequest request, Uploader uploader) throws GenerationException, ComfyException {
        Values v = new Values(request);
        String model = v.text(CoreParams.MODEL, "");
        if (model.isBlank() || model.equalsIgnoreCase("(none)")) {
            throw new GenerationException("No model input given. Did your UI load properly?");
        }
        long steps = v.integer(CoreParams.STEPS, 20);
        node("4", "CheckpointLoaderSimple", Map.of("ckpt_name", modelName("Stable-Diffusion", model)));
        Object modelLink = link("4", 0);
        Object clipLink = link("4", 1);
        Object vaeLink = link("4", 2);
        List<String> loras = v.list(CoreParams.LORAS);
        List<String> weights = v.list(CoreParams.LORA_WEIGHTS);
        List<String> tencWeights = v.list(CoreParams.LORA_TENC_WEIGHTS);
        for (int i = 0; i < loras.size(); i++) {
            double w = weight(weights, i);
            String id = id();
            node(id, "LoraLoader", Map.of("model", modelLink, "clip", clipLink, "lora_name", modelName("LoRA", loras.get(i)),
                    "strength_model", w, "strength_clip", tencWeights.size() > i ? weight(tencWeights, i) : w));
            modelLink = link(id, 0);
            clipLink = link(id, 1);
        }
        long clipStop = v.integer(CoreParams.CLIP_STOP_AT_LAYER, -1);
        if (request.get(CoreParams.CLIP_STOP_AT_LAYER).isPresent() && clipStop < -1) {
            String id = id();
            node(id, "CLIPSetLastLayer", Map.of("clip", clipLink, "stop_at_clip_layer", clipStop));
            clipLink = link(id, 0);
        }
        String vae = v.text(CoreParams.VAE, "");
        if (!vae.isBlank() && !vae.equalsIgnoreCase("none") && !vae.equalsIgnoreCase("automatic")) {
            String id = id();
            node(id, "VAELoader", Map.of("vae_name", modelName("VAE", vae)));
            vaeLink = link(id, 0);
        }
        node("6", "CLIPTextEncode", Map.of("clip", clipLink, "text", v.text(CoreParams.PROMPT, "")));
        node("7", "CLIPTextEncode", Map.of("clip", clipLink, "text", v.text(CoreParams.NEGATIVE_PROMPT, "")));
        long batch = Math.max(1, v.integer(CoreParams.BATCH_SIZE, 1));
        long startStep = 0;
        MediaInput init = request.get(CoreParams.INIT_IMAGE).orElse(null);
        if (init != null) {
            String id = id();
            node(id, "LoadImage", Map.of("image", uploader.upload(init, 0)));
            node("5", "VAEEncode", Map.of("pixels", link(id, 0), "vae", vaeLink));
            double creativity = v.decimal(CoreParams.INIT_IMAGE_CREATIVITY, 0.6);
            startStep = Math.round(steps * (1 - creativity));
        } else {
            node("5", "EmptyLatentImage", Map.of("width", v.integer(CoreParams.WIDTH, 512),
                    "height", v.integer(CoreParams.HEIGHT, 512), "batch_size", batch));
        }
        Map<String, Object> sampler = new LinkedHashMap<>();
        sampler.put("model", modelLink);
        sampler.put("add_noise", "enable");
        sampler.put("noise_seed", Math.max(0, v.integer(CoreParams.SEED, 0)));
        sampler.put("steps", Math.max(1, steps));
        sampler.put("cfg", v.decimal(CoreParams.CFG_SCALE, 7));
        sampler.put("sampler_name", v.text(ComfyParams.SAMPLER, "euler"));
        sampler.put("scheduler", v.text(ComfyParams.SCHEDULER, "normal"));
        sampler.put("positive", link("6", 0));
        sampler.put("negative", link("7", 0));
        sampler.put("latent_image", link("5", 0));
        sampler.put("start_at_step", startStep);
        sampler.put("end_at_step", 10000);
        sampler.put("return_with_leftover_noise", "disable");
        if (request.get(CoreParams.SEED).isPresent()) {
            sampler.put("control_after_generate", "fixed");
        }
        node("10", "KSamplerAdvanced", sampler);
        node("8", "VAEDecode", Map.of("vae", vaeLink, "samples", link("10", 0)));
        if (info.has("SaveImageWebsocket")) {
            node("9", "SaveImageWebsocket", Map.of("images", link("8", 0)));
        } else if (v.flag(CoreParams.DO_NOT_SAVE)) {
            node("9", "PreviewImage", Map.of("images", link("8", 0)));
        } else {
            node("9", "SaveImage", Map.of("images", link("8", 0), "filename_prefix", "SwarmUI_" + Long.toHexString(System.nanoTime() & 0xFFFF).toUpperCase() + "_"));
        }
        return new Workflow(graph, Set.of("9"), false);
    }

    /**
     * @return the server's own name for a model the request names (SwarmUI's names may lack the extension), with
     *         the server's folder separator
     */
    private String modelName(String subtype, String requested) {
        String name = requested.replace('\\', '/');
        List<String> known = models.getOrDefault(subtype, List.of());
        if (!known.contains(name)) {
            String stem = stem(name);
            name = known.contains(name + ".safetensors") ? name + ".safetensors"
                    : known.stream().filter(k -> stem(k).equals(stem)).findFirst()
                            .orElse(hasExtension(name) ? name : name + ".safetensors");
        }
        return separator == '/' ? name : name.replace('/', separator);
    }

    private static boolean hasExtension(String name) {
        return EXTENSION.matcher(name).find();
    }

    private static String stem(String name) {
        return hasExtension(name) ? name.substring(0, name.lastIndexOf('.')) : name;
    }

    private static double weight(List<String> weights, int i) {
        try {
            return i < weights.size() ? Double.parseDouble(weights.get(i).trim()) : 1.0;
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }

    private String id() {
        return Integer.toString(nextId++);
    }

    private void node(String id, String classType, Map<String, Object> inputs) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("class_type", classType);
        n.put("inputs", new LinkedHashMap<>(inputs));
        graph.put(id, n);
    }

    private static Object link(String id, int slot) {
        return List.of(id, slot);
    }
}
