package apiary.core.models.internal.meta;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ModelMetadata} to and from a plain map, for the database cache (as JSON). */
public final class MetadataCodec {
    private MetadataCodec() {
    }

    /** @param m metadata @return its map form */
    public static Map<String, Object> toMap(ModelMetadata m) {
        Map<String, Object> out = new LinkedHashMap<>();
        put(out, "title", m.title());
        put(out, "author", m.author());
        put(out, "description", m.description());
        put(out, "preview", m.preview());
        put(out, "class", m.classId());
        if (m.width() > 0 || m.height() > 0) {
            out.put("width", m.width());
            out.put("height", m.height());
        }
        put(out, "license", m.license());
        put(out, "date", m.date());
        put(out, "prediction_type", m.predictionType());
        put(out, "usage_hint", m.usageHint());
        put(out, "trigger_phrase", m.triggerPhrase());
        put(out, "merged_from", m.mergedFrom());
        if (m.tags() != null) {
            out.put("tags", m.tags());
        }
        if (m.negativeEmbedding()) {
            out.put("negative", true);
        }
        put(out, "lora_weight", m.loraDefaultWeight());
        put(out, "lora_confinement", m.loraDefaultConfinement());
        put(out, "hash", m.hash());
        put(out, "special", m.specialFormat() == null || m.specialFormat().isEmpty() ? null : m.specialFormat());
        put(out, "error", m.error());
        return out;
    }

    /** @param map a map made by {@link #toMap} @return the metadata */
    public static ModelMetadata fromMap(Map<String, Object> map) {
        List<String> tags = null;
        if (map.get("tags") instanceof List) {
            tags = new ArrayList<>();
            for (Object o : (List<?>) map.get("tags")) {
                tags.add(String.valueOf(o));
            }
        }
        String special = text(map, "special");
        return new ModelMetadata(text(map, "title"), text(map, "author"), text(map, "description"), text(map, "preview"),
                text(map, "class"), number(map, "width"), number(map, "height"), text(map, "license"), text(map, "date"),
                text(map, "prediction_type"), text(map, "usage_hint"), text(map, "trigger_phrase"), text(map, "merged_from"),
                tags, Boolean.TRUE.equals(map.get("negative")), text(map, "lora_weight"), text(map, "lora_confinement"),
                text(map, "hash"), special == null ? "" : special, text(map, "error"));
    }

    private static void put(Map<String, Object> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static String text(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v == null ? null : String.valueOf(v);
    }

    private static int number(Map<String, Object> map, String key) {
        Object v = map.get(key);
        return v instanceof Number ? ((Number) v).intValue() : 0;
    }
}
