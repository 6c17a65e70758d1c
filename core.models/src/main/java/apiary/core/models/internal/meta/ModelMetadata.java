package apiary.core.models.internal.meta;

import java.util.List;

/**
 * What the library knows about one model file from its header and sidecars: everything the model net object shows
 * except the name and the file times. Cached in the database per file size and modification time.
 *
 * @param title display title
 * @param author author, or null
 * @param description description, or null
 * @param preview where the preview image is: {@code null} (none), {@code header} (a data URL in the safetensors
 *        metadata) or a sidecar suffix such as {@code .preview.png}
 * @param classId the model class id, or null when unknown
 * @param width the standard width from the metadata (0: the class's)
 * @param height the standard height from the metadata (0: the class's)
 * @param license license, or null
 * @param date date text, or null
 * @param predictionType prediction type, or null
 * @param usageHint usage hint, or null
 * @param triggerPhrase trigger phrase, or null
 * @param mergedFrom merge description, or null
 * @param tags tags, or null
 * @param negativeEmbedding whether it is a negative embedding
 * @param loraDefaultWeight LoRA default weight, or null
 * @param loraDefaultConfinement LoRA default confinement, or null
 * @param hash the tensor SHA-256 as {@code 0x...}, or null until computed
 * @param specialFormat a special tensor format, or ""
 * @param error why the metadata could not be read, or null
 */
public record ModelMetadata(String title, String author, String description, String preview, String classId, int width,
        int height, String license, String date, String predictionType, String usageHint, String triggerPhrase,
        String mergedFrom, List<String> tags, boolean negativeEmbedding, String loraDefaultWeight,
        String loraDefaultConfinement, String hash, String specialFormat, String error) {

    /** The placeholder SwarmUI shows for a model without a preview. */
    public static final String PLACEHOLDER = "imgs/model_placeholder.jpg";
    /** The placeholder SwarmUI shows for a legacy (pickle) model. */
    public static final String LEGACY_PLACEHOLDER = "imgs/legacy_ckpt.jpg";

    /**
     * @param title the title
     * @param preview the preview location, or null
     * @param description the description
     * @param error the reason, or null
     * @return metadata with nothing but a title (legacy formats, unreadable files)
     */
    public static ModelMetadata bare(String title, String preview, String description, String error) {
        return new ModelMetadata(title, null, description, preview, null, 0, 0, null, null, null, null, null, null, null,
                false, null, null, null, "", error);
    }

    /** @param newHash the computed hash @return a copy with it */
    public ModelMetadata withHash(String newHash) {
        return new ModelMetadata(title, author, description, preview, classId, width, height, license, date,
                predictionType, usageHint, triggerPhrase, mergedFrom, tags, negativeEmbedding, loraDefaultWeight,
                loraDefaultConfinement, newHash, specialFormat, error);
    }
}
