package apiary.core.models.internal.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.model.ModelDTO;
import apiary.core.models.internal.meta.ModelClass;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.paths.ModelNames;
import apiary.core.models.internal.wildcards.Wildcard;

/** SwarmUI's model net object (and the wildcard and "no model" variants), key for key in SwarmUI's order. */
public final class ModelNetObjects {
    private ModelNetObjects() {
    }

    /**
     * @param d the model
     * @param classes the class table (for the class's display name)
     * @param loaded whether a backend has it loaded
     * @return the net object
     */
    public static Map<String, Object> of(ModelDTO d, ModelClassTable classes, boolean loaded) {
        ModelClass c = classes.find(d.modelClass).orElse(null);
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", d.name);
        o.put("title", d.title);
        o.put("author", d.author);
        o.put("description", d.description);
        o.put("preview_image", d.previewImage);
        o.put("loaded", loaded);
        o.put("architecture", c == null ? null : c.id());
        o.put("class", c == null ? null : c.name());
        o.put("compat_class", c == null ? null : c.compat());
        o.put("resolution", d.standardWidth + "x" + d.standardHeight);
        o.put("standard_width", d.standardWidth);
        o.put("standard_height", d.standardHeight);
        o.put("license", d.license);
        o.put("date", d.date);
        o.put("prediction_type", d.predictionType);
        o.put("usage_hint", d.usageHint);
        o.put("trigger_phrase", d.triggerPhrase);
        o.put("merged_from", d.mergedFrom);
        o.put("tags", d.tags == null || d.tags.isEmpty() ? null : List.copyOf(d.tags));
        o.put("is_supported_model_format", d.isSupportedModelFormat);
        o.put("is_negative_embedding", d.isNegativeEmbedding);
        o.put("lora_default_weight", d.loraDefaultWeight);
        o.put("lora_default_confinement", d.loraDefaultConfinement);
        o.put("local", d.local);
        o.put("time_created", d.timeCreated);
        o.put("time_modified", d.timeModified);
        o.put("hash", d.hashSha256 == null ? "" : d.hashSha256);
        o.put("hash_sha256", d.hashSha256 == null ? "" : d.hashSha256);
        o.put("special_format", d.specialFormat);
        return o;
    }

    /**
     * @param name a model name only a remote backend reports
     * @param loaded whether a backend has it loaded
     * @param classes the class table
     * @return its net object: what the name says, {@code local: false}
     */
    public static Map<String, Object> remote(String name, boolean loaded, ModelClassTable classes) {
        ModelDTO d = new ModelDTO();
        d.name = name;
        d.title = ModelNames.withoutExtension(ModelNames.fileName(name));
        d.previewImage = ModelMetadata.PLACEHOLDER;
        d.isSupportedModelFormat = ModelNames.SUPPORTED.contains(ModelNames.extension(name));
        d.local = false;
        Map<String, Object> o = of(d, classes, loaded);
        o.put("time_created", Long.MAX_VALUE);
        o.put("time_modified", Long.MAX_VALUE);
        return o;
    }

    /** @param classes the class table @return SwarmUI's "(None)" placeholder model */
    public static Map<String, Object> none(ModelClassTable classes) {
        ModelDTO d = new ModelDTO();
        d.name = "(None)";
        d.description = "No model selected.";
        d.isSupportedModelFormat = false;
        Map<String, Object> o = of(d, classes, false);
        o.put("title", null);
        return o;
    }

    /**
     * @param w a wildcard
     * @param image its preview (URL or data URL), or null
     * @return the wildcard net object
     */
    public static Map<String, Object> wildcard(Wildcard w, String image) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", w.name());
        o.put("raw", w.raw());
        o.put("image", image == null ? ModelMetadata.PLACEHOLDER : image);
        return o;
    }
}
