package apiary.core.models.internal.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import apiary.core.api.model.ModelDTO;
import apiary.core.models.internal.meta.ModelClass;
import apiary.core.models.internal.meta.ModelClassTable;
import apiary.core.models.internal.meta.ModelMetadata;
import apiary.core.models.internal.paths.ModelNames;

/**
 * One model in the library: where it is and what its metadata says. Immutable; edits make a new record.
 *
 * @param subtype the subtype
 * @param name the model name
 * @param path its file
 * @param folder the model folder it is under
 * @param otherPaths copies of it under other model roots
 * @param size file size
 * @param modified modification time, epoch ms
 * @param created creation time, epoch ms
 * @param metadata what its header and sidecars say
 */
public record ModelRecord(String subtype, String name, Path path, Path folder, List<Path> otherPaths, long size,
        long modified, long created, ModelMetadata metadata) {

    /** @param m new metadata @return a copy with it */
    public ModelRecord withMetadata(ModelMetadata m) {
        return new ModelRecord(subtype, name, path, folder, otherPaths, size, modified, created, m);
    }

    /** @return whether the file is in a natively supported format */
    public boolean supported() {
        return ModelNames.SUPPORTED.contains(ModelNames.extension(name));
    }

    /**
     * @param classes the class table
     * @return the class, if known
     */
    public ModelClass modelClass(ModelClassTable classes) {
        return classes.find(metadata.classId()).orElse(null);
    }

    /**
     * @param classes the class table
     * @param previewUrl the preview to show (a URL or data URL), or null for the placeholder
     * @return the API view of this model
     */
    public ModelDTO toDto(ModelClassTable classes, String previewUrl) {
        ModelMetadata m = metadata;
        ModelClass c = modelClass(classes);
        ModelDTO d = new ModelDTO();
        d.name = name;
        d.subtype = subtype;
        d.title = m.title();
        d.author = orEmpty(m.author());
        d.description = orEmpty(m.description());
        d.previewImage = previewUrl != null ? previewUrl
                : supported() ? ModelMetadata.PLACEHOLDER : ModelMetadata.LEGACY_PLACEHOLDER;
        d.architecture = m.classId();
        d.modelClass = c == null ? null : c.id();
        d.compatClass = c == null ? null : c.compat();
        d.standardWidth = m.width() > 0 ? m.width() : c == null ? 0 : c.width();
        d.standardHeight = m.height() > 0 ? m.height() : c == null ? 0 : c.height();
        d.license = orEmpty(m.license());
        d.date = orEmpty(m.date());
        d.predictionType = orEmpty(m.predictionType());
        d.usageHint = orEmpty(m.usageHint());
        d.triggerPhrase = orEmpty(m.triggerPhrase());
        d.mergedFrom = orEmpty(m.mergedFrom());
        d.tags = m.tags() == null ? new ArrayList<>() : new ArrayList<>(m.tags());
        d.isSupportedModelFormat = supported();
        d.isNegativeEmbedding = m.negativeEmbedding();
        d.loraDefaultWeight = orEmpty(m.loraDefaultWeight());
        d.loraDefaultConfinement = orEmpty(m.loraDefaultConfinement());
        d.local = true;
        d.timeCreated = created;
        d.timeModified = modified;
        d.hashSha256 = m.hash();
        d.specialFormat = orEmpty(m.specialFormat());
        return d;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
