package apiary.backend.comfy.internal.info;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a ComfyUI server's {@code /object_info} says, as the driver needs it (behaviour §B.2): its node classes,
 * combo options in both shapes (legacy {@code [[a, b], {...}]} and V3 {@code ["COMBO", {"options": [...]}]}),
 * model lists per Apiary model subtype, the folder separator, and the feature flags its nodes give.
 */
public final class ObjectInfo {
    private static final List<String> PRESUMED = List.of("comfyui", "refiners", "controlnet", "endstepsearly",
            "seamless", "video", "variation_seed", "freeu", "yolov8");
    private static final Map<String, String> NODE_FEATURES = Map.ofEntries(
            Map.entry("SwarmLoadImageB64", "comfy_loadimage_b64"), Map.entry("SwarmSaveImageWS", "comfy_saveimage_ws"),
            Map.entry("SwarmJustLoadTheModelPlease", "comfy_just_load_model"),
            Map.entry("SwarmLatentBlendMasked", "comfy_latent_blend_masked"), Map.entry("SwarmKSampler", "variation_seed"),
            Map.entry("FreeU", "freeu"), Map.entry("SwarmYoloDetection", "yolov8"), Map.entry("IPAdapter", "ipadapter"),
            Map.entry("IPAdapterApply", "ipadapter"), Map.entry("IPAdapterModelLoader", "cubiqipadapter"),
            Map.entry("IPAdapterUnifiedLoader", "cubiqipadapterunified"),
            Map.entry("MiDaS-DepthMapPreprocessor", "controlnetpreprocessors"), Map.entry("RIFE VFI", "frameinterps"),
            Map.entry("CheckpointLoaderNF4", "bnb_nf4"), Map.entry("UnetLoaderGGUF", "gguf"),
            Map.entry("NunchakuFluxDiTLoader", "nunchaku"), Map.entry("TensorRTLoader", "tensorrt"),
            Map.entry("TeaCache", "teacache"), Map.entry("OverrideCLIPDevice", "set_clip_device"),
            Map.entry("AITemplateLoader", "aitemplate"));
    /** Features assumed present only when their node is there. */
    private static final Set<String> NEEDS_NODE = Set.of("variation_seed", "freeu", "yolov8");
    private static final Map<String, List<String[]>> MODEL_SOURCES = Map.of(
            "Stable-Diffusion", List.of(new String[] {"CheckpointLoaderSimple", "ckpt_name"}, new String[] {"UNETLoader", "unet_name"},
                    new String[] {"UnetLoaderGGUF", "unet_name"}, new String[] {"TensorRTLoader", "unet_name"}),
            "LoRA", List.<String[]>of(new String[] {"LoraLoader", "lora_name"}),
            "VAE", List.<String[]>of(new String[] {"VAELoader", "vae_name"}),
            "ControlNet", List.<String[]>of(new String[] {"ControlNetLoader", "control_net_name"}),
            "ClipVision", List.<String[]>of(new String[] {"CLIPVisionLoader", "clip_name"}),
            "Embedding", List.<String[]>of(new String[] {"SwarmEmbedLoaderListProvider", "embed_name"}));

    private final Map<String, Object> classes;

    /**
     * @param objectInfo the parsed body of {@code GET /object_info}
     * @throws IllegalArgumentException when it is not an object of node classes
     */
    public ObjectInfo(Object objectInfo) {
        if (!(objectInfo instanceof Map)) {
            throw new IllegalArgumentException("object_info is not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) objectInfo;
        if (m.containsKey("error")) {
            throw new IllegalArgumentException("object_info answered an error: " + m.get("error"));
        }
        this.classes = m;
    }

    /** @param name a node class @return whether the server has it */
    public boolean has(String name) {
        return classes.get(name) instanceof Map;
    }

    /** @return every node class name */
    public Set<String> classNames() {
        return Collections.unmodifiableSet(classes.keySet());
    }

    /**
     * @param nodeClass a node class
     * @param input a required or optional input of it
     * @return the combo's options (legacy or V3 shape), empty when the input is not a combo
     */
    public List<String> combo(String nodeClass, String input) {
        Object node = classes.get(nodeClass);
        if (!(node instanceof Map) || !(((Map<?, ?>) node).get("input") instanceof Map)) {
            return List.of();
        }
        Map<?, ?> inputs = (Map<?, ?>) ((Map<?, ?>) node).get("input");
        for (String section : List.of("required", "optional")) {
            Object s = inputs.get(section);
            if (s instanceof Map && ((Map<?, ?>) s).get(input) instanceof List) {
                return options((List<?>) ((Map<?, ?>) s).get(input));
            }
        }
        return List.of();
    }

    private static List<String> options(List<?> config) {
        if (config.isEmpty()) {
            return List.of();
        }
        Object first = config.get(0);
        List<String> out = new ArrayList<>();
        if (first instanceof List) {
            ((List<?>) first).forEach(o -> out.add(String.valueOf(o)));
        } else if ("COMBO".equals(first) && config.size() > 1 && config.get(1) instanceof Map
                && ((Map<?, ?>) config.get(1)).get("options") instanceof List) {
            ((List<?>) ((Map<?, ?>) config.get(1)).get("options")).forEach(o -> out.add(String.valueOf(o)));
        }
        return out;
    }

    /** @return whether any model name uses a backslash (a Windows ComfyUI): its folder separator */
    public boolean usesBackslash() {
        for (List<String[]> sources : MODEL_SOURCES.values()) {
            for (String[] s : sources) {
                if (combo(s[0], s[1]).stream().anyMatch(n -> n.indexOf('\\') >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @return model names by Apiary subtype, {@code /}-separated */
    public Map<String, List<String>> models() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        MODEL_SOURCES.forEach((subtype, sources) -> {
            Set<String> names = new LinkedHashSet<>();
            for (String[] s : sources) {
                combo(s[0], s[1]).forEach(n -> names.add(n.replace('\\', '/')));
            }
            out.put(subtype, List.copyOf(names));
        });
        return out;
    }

    /** @return the feature flags this server supports, including {@code folderslash} or {@code folderbackslash} */
    public List<String> features() {
        Set<String> out = new LinkedHashSet<>(PRESUMED);
        Set<String> found = new LinkedHashSet<>();
        NODE_FEATURES.forEach((node, feature) -> {
            if (has(node)) {
                found.add(feature);
            }
        });
        out.addAll(found);
        out.removeIf(f -> NEEDS_NODE.contains(f) && !found.contains(f));
        out.add(usesBackslash() ? "folderbackslash" : "folderslash");
        return List.copyOf(out);
    }
}
