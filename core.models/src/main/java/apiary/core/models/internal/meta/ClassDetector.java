package apiary.core.models.internal.meta;

import java.util.Map;
import java.util.Optional;

/**
 * Decides a model's class: from its metadata first ({@code modelspec.architecture}, {@code architecture},
 * {@code general.architecture}, {@code model_type}, {@code ss_network_module}, in {@code __metadata__} then at the
 * header's root), with a {@code WxH} resolution override; otherwise from the tensor keys, testing LoRA classes for
 * LoRA-shaped files and the others for the rest. Also names special tensor formats ({@code bnb_nf4}, {@code fp8_scaled}...).
 */
public final class ClassDetector {
    private static final String[] ARCH_KEYS = {"modelspec.architecture", "architecture", "general.architecture", "model_type",
        "ss_network_module"};
    private static final String[] RES_KEYS = {"modelspec.resolution", "resolution"};

    private final ModelClassTable table;

    /** @param table the classes */
    public ClassDetector(ModelClassTable table) {
        this.table = table;
    }

    /**
     * @param header the safetensors header (tensor keys at its root), never null
     * @param meta the {@code __metadata__} object merged with sidecar JSON
     * @param fileName the model's file name
     * @return the class, with the metadata's resolution when it names one
     */
    public Optional<ModelClass> detect(Map<String, Object> header, Map<String, Object> meta, String fileName) {
        String arch = first(meta, header, ARCH_KEYS);
        if (arch != null) {
            Optional<ModelClass> byId = table.find(arch);
            if (byId.isPresent()) {
                int[] res = resolution(first(meta, header, RES_KEYS));
                ModelClass c = byId.get();
                return Optional.of(res == null || (res[0] == c.width() && res[1] == c.height()) ? c : c.withResolution(res[0], res[1]));
            }
        }
        TensorKeys keys = new TensorKeys(header, fileName);
        boolean lora = isLora(header);
        for (ModelClass c : table.classes()) {
            if (c.matches() != null && c.lora() == lora && c.matches().test(keys)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** @param header a header @return whether its keys look like a LoRA-style adapter */
    static boolean isLora(Map<String, Object> header) {
        for (String k : header.keySet()) {
            if (k.startsWith("lora_") || k.endsWith(".lora_A.weight") || k.endsWith(".lora_up.weight")
                    || k.endsWith(".lora.up.weight") || k.endsWith(".lora_down.weight") || k.endsWith(".lokr_w1")
                    || k.endsWith(".hada_w1_a") || k.endsWith(".diff") || k.endsWith(".lora_A.default.weight")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param header a header
     * @param fileName the file name
     * @return the special tensor format, or ""
     */
    public static String specialFormat(Map<String, Object> header, String fileName) {
        if (fileName.toLowerCase().endsWith(".gguf")) {
            return "gguf";
        }
        for (String k : header.keySet()) {
            if (k.contains("bitsandbytes__nf4")) {
                return "bnb_nf4";
            }
            if (k.contains("bitsandbytes__fp4")) {
                return "bnb_fp4";
            }
            if (k.endsWith("scaled_fp8")) {
                return "fp8_scaled";
            }
            if (k.endsWith(".wscales") || k.endsWith(".wtscale")) {
                return "nunchaku";
            }
        }
        return "";
    }

    /** @param text {@code WxH} @return {width, height}, or null when absent or malformed */
    static int[] resolution(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.strip().toLowerCase().split("x");
        try {
            int w = Integer.parseInt(parts[0].strip());
            int h = Integer.parseInt(parts[1].strip());
            return w > 0 && h > 0 && w <= 65536 && h <= 65536 ? new int[] {w, h} : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String first(Map<String, Object> meta, Map<String, Object> header, String[] keys) {
        for (Map<String, Object> m : java.util.List.of(meta, header)) {
            for (String k : keys) {
                Object v = m.get(k);
                if (v instanceof String && !((String) v).isBlank()) {
                    return ((String) v).strip();
                }
            }
        }
        return null;
    }
}
