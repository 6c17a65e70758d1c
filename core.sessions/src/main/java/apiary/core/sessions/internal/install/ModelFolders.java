package apiary.core.sessions.internal.install;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where downloaded models go, by SwarmUI's {@code paths.*} rules: the model root (the {@code downloadtorootid}-th
 * of the {@code ;}-separated {@code modelroot} entries, relative to the working folder as in SwarmUI), then the
 * subtype's folder (the first of its {@code ;}-separated entries).
 */
final class ModelFolders {
    /** Settings naming each subtype's folder, with SwarmUI's defaults. */
    private static final Map<String, String[]> SUBTYPE_SETTINGS = Map.of(
            "Stable-Diffusion", new String[] {"paths.sdmodelfolder", "Stable-Diffusion"},
            "LoRA", new String[] {"paths.sdlorafolder", "Lora"},
            "VAE", new String[] {"paths.sdvaefolder", "VAE"});

    private final Function<String, Object> setting;

    /** @param setting reads a server setting, answering {@code null} for one nobody defines */
    ModelFolders(Function<String, Object> setting) {
        this.setting = setting;
    }

    /**
     * @param subtype a model subtype such as {@code Stable-Diffusion}
     * @return the absolute folder its downloads go to
     */
    Path folderFor(String subtype) {
        String[] roots = text("paths.modelroot", "Models").split(";");
        int index = (int) Math.max(0, Math.min(roots.length - 1, number("paths.downloadtorootid")));
        String[] sub = SUBTYPE_SETTINGS.getOrDefault(subtype, new String[] {null, subtype});
        String folder = (sub[0] == null ? sub[1] : text(sub[0], sub[1])).split(";")[0].strip();
        return Path.of(roots[index].strip()).toAbsolutePath().resolve(folder).normalize();
    }

    private String text(String id, String fallback) {
        Object v = setting.apply(id);
        return v instanceof String && !((String) v).isBlank() ? (String) v : fallback;
    }

    private long number(String id) {
        Object v = setting.apply(id);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }
}
