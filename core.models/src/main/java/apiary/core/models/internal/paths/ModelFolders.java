package apiary.core.models.internal.paths;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where models live, by SwarmUI's {@code paths.*} rules: every {@code ;}-separated model root (relative to the folder
 * the server was started in) joined with every {@code ;}-separated entry of the subtype's folder setting (an absolute
 * entry stands alone). Downloads go to the {@code downloadtorootid}-th root and the subtype's first folder.
 */
public final class ModelFolders {
    /** The model subtypes, in SwarmUI's order, each with its folder setting. */
    private static final Map<String, String> SUBTYPE_SETTINGS = new LinkedHashMap<>();
    /** Each subtype's default folders, for a setting that is blank. */
    private static final Map<String, String> DEFAULTS = Map.of("Stable-Diffusion", "Stable-Diffusion", "VAE", "VAE",
            "LoRA", "Lora", "Embedding", "Embeddings", "ControlNet", "controlnet;model_patches", "Clip", "text_encoders;clip",
            "ClipVision", "clip_vision");
    /** Folders SwarmUI always reads main models from, beside the configured one. */
    private static final List<String> EXTRA_MAIN_FOLDERS = List.of("tensorrt", "diffusion_models", "unet");

    static {
        SUBTYPE_SETTINGS.put("Stable-Diffusion", "paths.sdmodelfolder");
        SUBTYPE_SETTINGS.put("VAE", "paths.sdvaefolder");
        SUBTYPE_SETTINGS.put("LoRA", "paths.sdlorafolder");
        SUBTYPE_SETTINGS.put("Embedding", "paths.sdembeddingfolder");
        SUBTYPE_SETTINGS.put("ControlNet", "paths.sdcontrolnetsfolder");
        SUBTYPE_SETTINGS.put("Clip", "paths.sdclipfolder");
        SUBTYPE_SETTINGS.put("ClipVision", "paths.sdclipvisionfolder");
    }

    private final Function<String, Object> setting;

    /** @param setting reads one of this bundle's settings by dotted id */
    public ModelFolders(Function<String, Object> setting) {
        this.setting = setting;
    }

    /** @return the subtypes, in SwarmUI's order */
    public static List<String> subtypes() {
        return List.copyOf(SUBTYPE_SETTINGS.keySet());
    }

    /** @param subtype a subtype name @return whether it is one of {@link #subtypes()} (exact case) */
    public static boolean isSubtype(String subtype) {
        return subtype != null && SUBTYPE_SETTINGS.containsKey(subtype);
    }

    /**
     * @param subtype a subtype
     * @return its folders, absolute and normalised, in lookup order without repeats; empty for an unknown subtype
     */
    public List<Path> folders(String subtype) {
        if (!isSubtype(subtype)) {
            return List.of();
        }
        List<String> entries = new ArrayList<>(entries(subtype));
        if ("Stable-Diffusion".equals(subtype)) {
            entries.addAll(EXTRA_MAIN_FOLDERS);
        }
        Set<Path> out = new LinkedHashSet<>();
        for (String entry : entries) {
            Path p = Path.of(entry);
            if (p.isAbsolute()) {
                out.add(p.normalize());
                continue;
            }
            for (Path root : roots()) {
                out.add(root.resolve(entry).normalize());
            }
        }
        return List.copyOf(out);
    }

    /**
     * @param subtype a subtype
     * @return the folder its downloads go to
     * @throws IllegalArgumentException for an unknown subtype
     */
    public Path downloadFolder(String subtype) {
        if (!isSubtype(subtype)) {
            throw new IllegalArgumentException("Invalid type.");
        }
        List<Path> roots = roots();
        Object v = setting.apply(ModelPathSettings.DOWNLOAD_ROOT_ID);
        long id = v instanceof Number ? ((Number) v).longValue() : 0;
        Path root = roots.get((int) Math.max(0, Math.min(roots.size() - 1, id)));
        List<String> entries = entries(subtype);
        String first = entries.isEmpty() ? subtype : entries.get(0);
        Path p = Path.of(first);
        return (p.isAbsolute() ? p : root.resolve(first)).normalize();
    }

    /** @return the model roots, absolute */
    public List<Path> roots() {
        List<String> roots = split(text(ModelPathSettings.MODEL_ROOT));
        if (roots.isEmpty()) {
            roots = List.of("Models");
        }
        return roots.stream().map(r -> Path.of(r).toAbsolutePath().normalize()).distinct().toList();
    }

    private List<String> entries(String subtype) {
        List<String> e = split(text(SUBTYPE_SETTINGS.get(subtype)));
        return e.isEmpty() ? split(DEFAULTS.get(subtype)) : e;
    }

    private String text(String id) {
        Object v = setting.apply(id);
        return v == null ? "" : String.valueOf(v);
    }

    private static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        for (String part : list.split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
