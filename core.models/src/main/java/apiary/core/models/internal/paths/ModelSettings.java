package apiary.core.models.internal.paths;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads this bundle's server settings by its own definitions ({@link ModelPathSettings}), so they are right even
 * before the settings store has bound the contributor.
 */
@Component(service = ModelSettings.class)
public final class ModelSettings {
    private final ServerSettings settings;
    private final ServerInfo server;

    /**
     * @param settings the settings store
     * @param server the data folder
     */
    @Activate
    public ModelSettings(@Reference ServerSettings settings, @Reference ServerInfo server) {
        this.settings = settings;
        this.server = server;
    }

    /** @return the model folders as the settings say now */
    public ModelFolders folders() {
        return new ModelFolders(this::value);
    }

    /** @return the wildcard folder */
    public Path wildcardFolder() {
        String folder = String.valueOf(value(ModelPathSettings.WILDCARDS_FOLDER)).strip();
        return server.dataDir().toAbsolutePath().resolve(folder.isEmpty() ? "Wildcards" : folder).normalize();
    }

    /** @return the largest accepted download, in bytes */
    public long maxDownloadBytes() {
        return Math.max(1, number(ModelPathSettings.MAX_DOWNLOAD_MB)) * 1024 * 1024;
    }

    /** @return the largest safetensors header read, in bytes */
    public long maxHeaderBytes() {
        return Math.max(1, number(ModelPathSettings.MAX_HEADER_MB)) * 1024 * 1024;
    }

    /** @return whether a rename or delete applies to every copy */
    public boolean editAllDuplicates() {
        return flag(ModelPathSettings.EDIT_ALL_DUPS);
    }

    /** @return whether SDXL base models count as 1.0 */
    public boolean xlDefaultAsXl1() {
        return flag(ModelPathSettings.XL_DEFAULT_AS_XL1);
    }

    /** @return whether metadata edits go to a sidecar */
    public boolean editWritesJson() {
        return flag(ModelPathSettings.EDIT_WRITES_JSON);
    }

    /** @return whether models are hashed in the background */
    public boolean hashInBackground() {
        return flag(ModelPathSettings.HASH_IN_BACKGROUND);
    }

    /** @return the hosts ForwardMetadataRequest may call, lower case */
    public List<String> forwardHosts() {
        Object v = value(ModelPathSettings.FORWARD_HOSTS);
        if (!(v instanceof List)) {
            return List.of();
        }
        return ((List<?>) v).stream().map(o -> String.valueOf(o).strip().toLowerCase(Locale.ROOT).replaceAll("/+$", ""))
                .filter(s -> !s.isEmpty()).toList();
    }

    private boolean flag(String id) {
        return Boolean.TRUE.equals(value(id));
    }

    private long number(String id) {
        Object v = value(id);
        return v instanceof Number ? ((Number) v).longValue() : 0;
    }

    /** @param id a dotted id of this bundle's settings @return its value */
    Object value(String id) {
        String[] parts = id.split("\\.", 2);
        List<SettingDef> group = "paths".equals(parts[0]) ? ModelPathSettings.PATHS
                : java.util.stream.Stream.concat(ModelPathSettings.METADATA.stream(), ModelPathSettings.ADMIN_METADATA.stream()).toList();
        SettingDef def = group.stream().filter(d -> d.id().equals(parts[1])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a models setting: " + id));
        return settings.get(id, def);
    }
}
