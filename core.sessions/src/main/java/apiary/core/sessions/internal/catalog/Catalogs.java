package apiary.core.sessions.internal.catalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import apiary.core.api.json.Json;
import apiary.core.api.server.ServerInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The option lists behind the user settings' dropdowns and the per-user data routes: themes, languages,
 * autocompletion word lists and completion sounds, the last three read from the data folder.
 */
@Component(service = Catalogs.class)
public final class Catalogs {
    private static final List<String> SOUND_TYPES = List.of(".mp3", ".wav", ".ogg", ".flac", ".aac", ".m4a", ".webm");

    private final Themes themes = new Themes();
    private final Languages languages;
    private final Autocompletions autocompletions;
    private final Path audioFolder;

    /**
     * @param server where the data folder is
     * @param json the JSON service, for language files
     */
    @Activate
    public Catalogs(@Reference ServerInfo server, @Reference Json json) {
        Path data = server.dataDir();
        this.languages = new Languages(data.resolve("languages"), json);
        this.autocompletions = new Autocompletions(data.resolve("Autocompletions"));
        this.audioFolder = data.resolve("Audio");
    }

    /** @return the UI themes */
    public Themes themes() {
        return themes;
    }

    /** @return the translation files */
    public Languages languages() {
        return languages;
    }

    /** @return the autocompletion lists */
    public Autocompletions autocompletions() {
        return autocompletions;
    }

    /** @return {@code ""} (no sound) followed by every sound file under {@code <data>/Audio} */
    public List<String> completionSounds() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(DataFiles.list(audioFolder, SOUND_TYPES));
        return out;
    }

    /** @return {@code ""} (none) followed by every autocompletion list */
    public List<String> autocompletionSources() {
        List<String> out = new ArrayList<>();
        out.add("");
        out.addAll(autocompletions.files());
        return out;
    }
}
