package apiary.core.t2i.internal.output;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import apiary.core.api.server.ServerInfo;
import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Where outputs live: {@code <OutputPath>/<user>/...} (the user folder only when {@code AppendUserNameToOutputPath}),
 * an {@code OutputPath} that is relative being resolved in the data folder; and how URLs name them
 * ({@code View/<user>/<path>}, or {@code Output/<path>} without user folders).
 */
@Component(service = OutputFolders.class)
public final class OutputFolders {
    private final ServerInfo server;
    private final ServerSettings settings;

    /**
     * @param server the data folder
     * @param settings the stored settings
     */
    @Activate
    public OutputFolders(@Reference ServerInfo server, @Reference ServerSettings settings) {
        this.server = server;
        this.settings = settings;
    }

    /** @return the output root */
    public Path root() {
        Path p = Path.of(String.valueOf(read("paths.outputpath", OutputServerSettings.OUTPUT_PATH)));
        return (p.isAbsolute() ? p : server.dataDir().resolve(p)).toAbsolutePath().normalize();
    }

    /** @return whether each user has a folder of its own */
    public boolean appendUser() {
        return Boolean.TRUE.equals(read("paths.appendusernametooutputpath", OutputServerSettings.APPEND_USER));
    }

    /** @return the browser cache time of outputs, seconds */
    public int cacheSeconds() {
        Object v = read("network.outputcacheseconds", OutputServerSettings.CACHE_SECONDS);
        return v instanceof Number ? Math.max(0, ((Number) v).intValue()) : 30;
    }

    /** @param userId a user id @return the folder of that user's outputs */
    public Path userRoot(String userId) {
        return appendUser() ? root().resolve(folderName(userId)) : root();
    }

    /** @param userId the owner @param relative the path in the user's folder @return the URL path, without leading slash */
    public String url(String userId, String relative) {
        return appendUser() ? "View/" + userId + "/" + relative : "Output/" + relative;
    }

    /**
     * @param userId a user id
     * @return the folder name for it; user ids are already plain, this only guards against anything that would
     *         name another folder
     */
    static String folderName(String userId) {
        String cleaned = PathCleaner.clean(userId.replace("/", "").replace("\\", ""));
        return cleaned.isEmpty() ? "_" : cleaned.toLowerCase(Locale.ROOT).equals(userId.toLowerCase(Locale.ROOT)) ? userId : cleaned;
    }

    /** @return whether the setting reads {@code true} for model hashes in metadata (owned by core.admin) */
    public boolean includeModelHash() {
        try {
            return !Boolean.FALSE.equals(settings.get("metadata.imagemetadataincludemodelhash"));
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private Object read(String path, SettingDef definition) {
        return Optional.ofNullable(settings.get(path, definition)).orElse(definition.defaultValue());
    }
}
