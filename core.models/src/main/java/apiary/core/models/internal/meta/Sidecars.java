package apiary.core.models.internal.meta;

import java.util.List;
import java.util.Set;

import apiary.core.models.internal.paths.ModelNames;

/** The files that belong to a model: same base name, one of SwarmUI's suffixes, in the same folder. */
public final class Sidecars {
    /** Preview image suffixes, in lookup order. */
    public static final List<String> IMAGES = List.of(".jpg", ".png", ".preview.png", ".preview.jpg", ".jpeg",
            ".preview.jpeg", ".thumb.jpg", ".thumb.png");
    /** Metadata JSON suffixes, in lookup order. */
    public static final List<String> JSON = List.of(".swarm.json", ".json", ".cm-info.json", ".civitai.info");

    private static final List<String> ATTACHED = java.util.stream.Stream.concat(IMAGES.stream(), JSON.stream()).toList();

    private Sidecars() {
    }

    /** @return every suffix of a file that belongs to a model (moved and deleted with it) */
    public static List<String> attached() {
        return ATTACHED;
    }

    /**
     * @param modelFileName the model's file name, e.g. {@code x.safetensors}
     * @param siblings the names of the files in its folder
     * @return the first preview image suffix present, or null
     */
    public static String image(String modelFileName, Set<String> siblings) {
        if (siblings.isEmpty()) {
            return null;
        }
        String base = ModelNames.withoutExtension(modelFileName);
        for (String s : IMAGES) {
            if (siblings.contains(base + s)) {
                return s;
            }
        }
        return null;
    }

    /** @param suffix an image suffix @return its media type */
    public static String mediaType(String suffix) {
        return suffix.endsWith(".png") ? "image/png" : "image/jpeg";
    }
}
