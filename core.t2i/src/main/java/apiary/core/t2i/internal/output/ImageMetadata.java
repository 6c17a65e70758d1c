package apiary.core.t2i.internal.output;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import apiary.core.api.t2i.MediaInput;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamType;
import apiary.core.t2i.internal.params.FuzzyMatch;
import apiary.core.t2i.internal.params.T2IRequestImpl;

/**
 * SwarmUI's image metadata: {@code sui_image_params} (the typed parameter values, models without
 * {@code .safetensors}, images only as their source path, parameters marked do-not-save left out, and the version),
 * {@code sui_extra_data} (date, timings, unused parameters, the request's extra metadata) and {@code sui_models}
 * (every model used, with its hash when known), written as SwarmUI writes it.
 */
public final class ImageMetadata {
    /** Timings of one image, for {@code sui_extra_data}. */
    public record Timings(double prepSeconds, double generationSeconds) {
    }

    private ImageMetadata() {
    }

    /**
     * @param request the image's parameters
     * @param version the server version ({@code swarm_version})
     * @param timings prep and generation time, or null to leave them out
     * @param modelHash model subtype and name to its {@code 0x...} hash, or null when unknown; null to leave out {@code sui_models}
     * @param preview whether this is the preview metadata of a first progress frame
     * @return the JSON text
     */
    public static String json(T2IRequestImpl request, String version, Timings timings,
            BiFunction<String, String, String> modelHash, boolean preview) {
        return SwarmJson.write(map(request, version, timings, modelHash, preview));
    }

    static Map<String, Object> map(T2IRequestImpl request, String version, Timings timings,
            BiFunction<String, String, String> modelHash, boolean preview) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<Object> models = new ArrayList<>();
        request.values().forEach((id, value) -> {
            T2IParam<?> p = request.definition(id);
            if (p != null && (p.isDoNotSave() || (preview && p.isDoNotPreview()))) {
                return;
            }
            Object v = metadataValue(value);
            if (v == null) {
                return;
            }
            if (p != null && p.type() == T2IParamType.MODEL && v instanceof String) {
                String full = (String) v;
                v = FuzzyMatch.cleanModelName(full);
                if (modelHash != null && !full.equalsIgnoreCase("(none)") && !full.equalsIgnoreCase("none")) {
                    models.add(modelEntry(full, id, modelHash.apply(p.subtype(), full)));
                }
            }
            params.put(id, v);
        });
        if (preview) {
            params.put("is_preview", true);
            params.put("preview_notice", "This is a preview of the image; the finished image may differ.");
        }
        params.put("swarm_version", version);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("date", LocalDate.now().toString());
        if (timings != null) {
            extra.put("prep_time", seconds(timings.prepSeconds()));
            extra.put("generation_time", seconds(timings.generationSeconds()));
        }
        Set<String> unused = request.unread();
        unused.removeIf(id -> !params.containsKey(id));
        if (!unused.isEmpty() && !preview) {
            extra.put("unused_parameters", new ArrayList<>(unused));
        }
        request.extraMetadata().forEach(extra::put);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sui_image_params", params);
        out.put("sui_extra_data", extra);
        if (modelHash != null && !models.isEmpty()) {
            out.put("sui_models", models);
        }
        return out;
    }

    private static Map<String, Object> modelEntry(String name, String param, String hash) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("param", param);
        if (hash != null) {
            m.put("hash", hash);
        }
        return m;
    }

    private static Object metadataValue(Object value) {
        if (value instanceof MediaInput) {
            return ((MediaInput) value).sourcePath().orElse(null);
        }
        if (value instanceof List) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<?>) value) {
                Object v = metadataValue(o);
                if (v != null) {
                    out.add(v);
                }
            }
            return out;
        }
        return value;
    }

    /** SwarmUI's {@code "1.23 sec"}: two decimals with a point whatever the default locale. */
    static String seconds(double seconds) {
        long hundredths = Math.round(Math.max(0, seconds) * 100);
        return hundredths / 100 + "." + OutPathBuilder.padded(hundredths % 100, 2) + " sec";
    }
}
