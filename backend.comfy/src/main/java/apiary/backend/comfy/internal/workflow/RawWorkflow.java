package apiary.backend.comfy.internal.workflow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import apiary.backend.comfy.internal.client.ComfyException;
import apiary.backend.comfy.internal.params.ComfyParams;
import apiary.core.api.backend.GenerationException;
import apiary.core.api.json.Json;
import apiary.core.api.t2i.CoreParams;
import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IRequest;

/**
 * A power user's own API-format workflow ({@code comfyworkflowraw}, or {@code comfyuicustomworkflow} holding the
 * JSON): {@code ${tag}}, {@code ${tag:default}} and {@code ${seed+N}} placeholders are filled with JSON-escaped
 * text from the request (SwarmUI's names: {@code prompt}, {@code negative_prompt}, {@code seed}, {@code steps},
 * {@code width}, {@code height}, {@code cfg_scale}, {@code sampler}, {@code scheduler}, {@code model},
 * {@code prefix}, {@code init_image}, {@code init_image_strength}, {@code loras}, else any parameter id).
 */
public final class RawWorkflow {
    private static final Pattern TAG = Pattern.compile("\\$\\{([a-zA-Z_0-9]+)(?:\\+(\\d+))?(?::([^}]*))?}");

    private RawWorkflow() {
    }

    /**
     * @param text the workflow text with placeholders
     * @param request the parameters
     * @param json the JSON codec
     * @param uploader uploads image parameters the workflow names
     * @return the filled graph
     * @throws GenerationException when the filled text is not an API-format workflow
     * @throws ComfyException when an upload fails
     */
    public static Workflow fill(String text, T2IRequest request, Json json, Uploader uploader)
            throws GenerationException, ComfyException {
        Values v = new Values(request);
        Matcher m = TAG.matcher(text);
        StringBuilder out = new StringBuilder();
        int uploads = 0;
        while (m.find()) {
            String tag = m.group(1).toLowerCase();
            String plus = m.group(2);
            String fallback = m.group(3);
            String value;
            if (tag.equals("init_image") && request.get(CoreParams.INIT_IMAGE).isPresent()) {
                value = uploader.upload(request.get(CoreParams.INIT_IMAGE).get(), uploads++);
            } else {
                value = value(tag, v);
            }
            if (value == null) {
                value = fallback == null ? "" : fallback;
            }
            if (plus != null) {
                try {
                    value = Long.toString(Long.parseLong(value) + Long.parseLong(plus));
                } catch (NumberFormatException e) {
                    // SwarmUI leaves a non-numeric value as it is.
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(escape(value)));
        }
        m.appendTail(out);
        Object parsed;
        try {
            parsed = json.read(out.toString());
        } catch (RuntimeException e) {
            throw new GenerationException("The ComfyUI workflow is not valid JSON once its parameters are filled in.");
        }
        if (parsed instanceof Map && ((Map<?, ?>) parsed).get("prompt") instanceof Map) {
            parsed = ((Map<?, ?>) parsed).get("prompt");
        }
        if (!(parsed instanceof Map) || ((Map<?, ?>) parsed).isEmpty()) {
            throw new GenerationException("The ComfyUI workflow must be an API-format prompt (an object of nodes).");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> graph = (Map<String, Object>) parsed;
        return new Workflow(graph, Set.of(), true);
    }

    private static String value(String tag, Values v) {
        switch (tag) {
            case "prompt": return v.text(CoreParams.PROMPT, "");
            case "negative_prompt": return v.text(CoreParams.NEGATIVE_PROMPT, "");
            case "seed": {
                long seed = v.integer(CoreParams.SEED, -1);
                return Long.toString(seed < 0 ? ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) : seed);
            }
            case "steps": return Long.toString(v.integer(CoreParams.STEPS, 20));
            case "width": return Long.toString(v.integer(CoreParams.WIDTH, 512));
            case "height": return Long.toString(v.integer(CoreParams.HEIGHT, 512));
            case "cfg_scale": return Double.toString(v.decimal(CoreParams.CFG_SCALE, 7));
            case "sampler": case "comfy_sampler": return v.text(ComfyParams.SAMPLER, "euler");
            case "scheduler": case "comfy_scheduler": return v.text(ComfyParams.SCHEDULER, "normal");
            case "model": return v.text(CoreParams.MODEL, null);
            case "prefix": return "SwarmUI_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000)).toUpperCase() + "_";
            case "init_image_strength": return Double.toString(v.decimal(CoreParams.INIT_IMAGE_CREATIVITY, 0.6));
            case "subseed": return Long.toString(v.integer(CoreParams.VARIATION_SEED, 0));
            case "subseed_strength": return Double.toString(v.decimal(CoreParams.VARIATION_SEED_STRENGTH, 0));
            case "loras": return String.join(",", v.list(CoreParams.LORAS));
            default: {
                Object raw = v.all().get(tag.replace("_", ""));
                if (raw == null) {
                    return null;
                }
                if (raw instanceof List) {
                    return String.join(",", ((List<?>) raw).stream().map(String::valueOf).toList());
                }
                if (raw instanceof MediaInput) {
                    return java.util.Base64.getEncoder().encodeToString(((MediaInput) raw).data());
                }
                return String.valueOf(raw);
            }
        }
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
