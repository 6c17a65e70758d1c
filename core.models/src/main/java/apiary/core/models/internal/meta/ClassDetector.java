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
            if (loraKey(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One key, by its last character first: a checkpoint has thousands of keys, nearly none LoRA-shaped, and a scan
     * tests every key of every file it reads (most of them before the JIT has compiled this).
     */
    private static boolean loraKey(String k) {
        int n = k.length();
        if (n == 0) {
            return false;
        }
        if (k.charAt(0) == 'l' && k.startsWith("lora_")) {
            return true;
        }
        switch (k.charAt(n - 1)) {
            case 't': {
                // The weight suffixes, by the character before ".weight": lora_A, lora_up, lora.up, lora_down, default.
                char c = n > 8 ? k.charAt(n - 8) : 0;
                return (c == 'A' || c == 'p' || c == 'n' || c == 't') && (k.endsWith(".lora_A.weight")
                        || k.endsWith(".lora_up.weight") || k.endsWith(".lora.up.weight") || k.endsWith(".lora_down.weight")
                        || k.endsWith(".lora_A.default.weight"));
            }
            case '1':
                return k.endsWith(".lokr_w1");
            case 'a':
                return k.endsWith(".hada_w1_a");
            case 'f':
                return k.endsWith(".diff");
            default:
                return false;
        }
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
            String format = specialFormat(k);
            if (format != null) {
                return format;
            }
        }
        return "";
    }

    /** One key: one search for the bitsandbytes marker, the suffixes by their last character. */
    private static String specialFormat(String k) {
        int bnb = k.indexOf("bitsandbytes__");
        if (bnb >= 0) {
            if (k.contains("bitsandbytes__nf4")) {
                return "bnb_nf4";
            }
            if (k.contains("bitsandbytes__fp4")) {
                return "bnb_fp4";
            }
        }
        int n = k.length();
        char last = n == 0 ? 0 : k.charAt(n - 1);
        if (last == '8' && k.endsWith("scaled_fp8")) {
            return "fp8_scaled";
        }
        if ((last == 's' && k.endsWith(".wscales")) || (last == 'e' && k.endsWith(".wtscale"))) {
            return "nunchaku";
        }
        return null;
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
