package apiary.core.models.internal.meta;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.api.json.Json;
import apiary.core.models.internal.paths.ModelNames;

/**
 * Reads one model's metadata: the safetensors header's {@code __metadata__} (each {@code modelspec.*} key also
 * accepted without the prefix), merged with sidecar JSON ({@code .swarm.json}, {@code .json}, {@code .cm-info.json},
 * {@code .civitai.info}), a sidecar preview image, and the class from {@link ClassDetector}.
 */
public final class MetadataExtractor {
    private static final System.Logger LOG = System.getLogger(MetadataExtractor.class.getName());
    private static final long MAX_SIDECAR_BYTES = 16L * 1024 * 1024;
    private static final int MAX_PREVIEW_CHARS = 8 * 1024 * 1024;
    private static final int MAX_TAGS = 128;
    private static final List<String> NAME_KEYS = List.of("UserTitle", "ModelName", "name");
    private static final List<String> DESCRIPTION_KEYS = List.of("VersionName", "VersionDescription", "ModelDescription", "description");
    private static final List<String> TRIGGER_KEYS = List.of("TrainedWords", "trainedWords");

    private final Json json;
    private final ClassDetector detector;
    private final long maxHeaderBytes;

    /**
     * @param json JSON
     * @param detector the class detector
     * @param maxHeaderBytes the largest header read
     */
    public MetadataExtractor(Json json, ClassDetector detector, long maxHeaderBytes) {
        this.json = json;
        this.detector = detector;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /**
     * @param file the model file
     * @param siblings names of the files in its folder, or of those that are not models (for sidecars without a stat
     *        per suffix)
     * @return its metadata; a file that cannot be read gets bare metadata carrying the reason
     */
    public ModelMetadata extract(Path file, Set<String> siblings) {
        String fileName = file.getFileName().toString();
        String title = ModelNames.withoutExtension(fileName);
        String image = Sidecars.image(fileName, siblings);
        String ext = ModelNames.extension(fileName);
        if (ModelNames.LEGACY.contains(ext)) {
            return ModelMetadata.bare(title, image, "(None, use '.safetensors' to enable metadata descriptions)", null);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        if ("safetensors".equals(ext) || "sft".equals(ext)) {
            try {
                header = SafetensorsHeader.readTensorsAndMetadata(file, maxHeaderBytes);
            } catch (SafetensorsHeader.BadHeader e) {
                return ModelMetadata.bare(title, image, e.getMessage(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.DEBUG, "Reading " + file + " failed", e);
                String reason = "Could not read the file: " + e.getClass().getSimpleName();
                return ModelMetadata.bare(title, image, reason, reason);
            }
        }
        if ("gguf".equals(ext)) {
            try {
                header = GgufHeader.read(file);
            } catch (SafetensorsHeader.BadHeader e) {
                return ModelMetadata.bare(title, image, e.getMessage(), e.getMessage());
            } catch (IOException | RuntimeException e) {
                String reason = "Could not read the file: " + e.getClass().getSimpleName();
                return ModelMetadata.bare(title, image, reason, reason);
            }
            header.put("__metadata__", new LinkedHashMap<>(header));
        }
        Map<String, Object> meta = header.get("__metadata__") instanceof Map
                ? new LinkedHashMap<>(castMap(header.get("__metadata__"))) : new LinkedHashMap<>();
        Alt alt = mergeSidecars(file, siblings, header, meta);
        ModelClass clazz = detector.detect(header, meta, fileName).orElse(null);
        return build(meta, header, clazz, title, alt, image, fileName);
    }

    private ModelMetadata build(Map<String, Object> meta, Map<String, Object> header, ModelClass clazz, String title,
            Alt alt, String image, String fileName) {
        Values v = new Values(meta);
        String preview = v.get("preview_image") != null ? v.get("preview_image") : v.get("thumbnail");
        if (preview != null && (!preview.startsWith("data:image/") || preview.length() > MAX_PREVIEW_CHARS)) {
            preview = null;
        }
        int[] res = ClassDetector.resolution(v.get("resolution"));
        int w = res != null ? res[0] : parse(v.raw("standard_width"));
        int h = res != null ? res[1] : parse(v.raw("standard_height"));
        if (clazz != null && res == null && w <= 0 && h <= 0) {
            w = clazz.width();
            h = clazz.height();
        }
        return new ModelMetadata(firstNonNull(v.get("title"), alt.name, title), v.get("author"),
                firstNonNull(v.get("description"), alt.description), preview != null ? "header" : image,
                clazz == null ? null : clazz.id(), w, h, v.get("license"), v.get("date"), v.get("prediction_type"),
                v.get("usage_hint"), firstNonNull(v.get("trigger_phrase"), alt.triggers), v.get("merged_from"),
                tags(meta), "true".equalsIgnoreCase(v.get("is_negative_embedding")), v.get("lora_default_weight"),
                v.get("lora_default_confinement"), v.get("hash_sha256"), ClassDetector.specialFormat(header, fileName), null);
    }

    /** Name, description and trigger words from the first sidecar JSON (SwarmUI reads those from one file only). */
    private static final class Alt {
        String name;
        String description;
        String triggers;
    }

    private Alt mergeSidecars(Path file, Set<String> siblings, Map<String, Object> header, Map<String, Object> meta) {
        Alt alt = new Alt();
        if (siblings.isEmpty()) {
            return alt;
        }
        String base = ModelNames.withoutExtension(file.getFileName().toString());
        boolean first = true;
        for (String suffix : Sidecars.JSON) {
            if (!siblings.contains(base + suffix)) {
                continue;
            }
            Map<String, Object> side = readSidecar(file.resolveSibling(base + suffix));
            if (side == null) {
                continue;
            }
            meta.putAll(side);
            header.putAll(side);
            if (first) {
                first = false;
                readAlt(side, alt);
            }
        }
        return alt;
    }

    private static void readAlt(Map<String, Object> side, Alt alt) {
        if (side.get("model") instanceof Map && ((Map<?, ?>) side.get("model")).get("name") instanceof String) {
            alt.name = (String) ((Map<?, ?>) side.get("model")).get("name");
        }
        for (String k : NAME_KEYS) {
            if (alt.name == null && side.get(k) instanceof String) {
                alt.name = (String) side.get(k);
            }
        }
        StringBuilder description = new StringBuilder();
        for (String k : DESCRIPTION_KEYS) {
            if (side.get(k) instanceof String) {
                description.append(side.get(k)).append('\n');
            }
        }
        alt.description = description.length() == 0 ? null : description.toString();
        List<String> words = new ArrayList<>();
        for (String k : TRIGGER_KEYS) {
            if (side.get(k) instanceof List) {
                ((List<?>) side.get(k)).forEach(o -> words.add(String.valueOf(o)));
            }
        }
        if (side.get("activation text") instanceof String) {
            words.add((String) side.get("activation text"));
        }
        alt.triggers = words.isEmpty() ? null : String.join(", ", words.stream().distinct().toList());
    }

    private Map<String, Object> readSidecar(Path path) {
        try {
            if (Files.size(path) > MAX_SIDECAR_BYTES) {
                LOG.log(Level.WARNING, "Ignoring model metadata file {0}: larger than 16 MB", path);
                return null;
            }
            return json.readObject(Files.readString(path));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Ignoring model metadata file {0}: {1}", path, e.getMessage());
            return null;
        }
    }

    private static List<String> tags(Map<String, Object> meta) {
        Object t = meta.containsKey("modelspec.tags") ? meta.get("modelspec.tags") : meta.get("tags");
        List<String> out = new ArrayList<>();
        if (t instanceof List) {
            ((List<?>) t).forEach(o -> out.add(String.valueOf(o).strip()));
        } else if (t instanceof String) {
            for (String s : ((String) t).split(",")) {
                out.add(s.strip());
            }
        } else {
            return null;
        }
        return out.stream().filter(s -> !s.isEmpty()).limit(MAX_TAGS).toList();
    }

    /** Metadata values by key, {@code modelspec.}-prefixed first; scalars as text. */
    private static final class Values {
        private final Map<String, Object> meta;

        Values(Map<String, Object> meta) {
            this.meta = meta;
        }

        Object raw(String key) {
            Object v = meta.get("modelspec." + key);
            return v != null ? v : meta.get(key);
        }

        String get(String key) {
            Object v = raw(key);
            return v instanceof String || v instanceof Number || v instanceof Boolean ? String.valueOf(v) : null;
        }
    }

    private static int parse(Object v) {
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        try {
            return v == null ? 0 : Integer.parseInt(String.valueOf(v).strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
