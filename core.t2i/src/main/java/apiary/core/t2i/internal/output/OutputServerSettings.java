package apiary.core.t2i.internal.output;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/**
 * The server settings about saved outputs, with SwarmUI's ids: {@code paths.outputpath},
 * {@code paths.appendusernametooutputpath} and {@code network.outputcacheseconds}. The groups merge with the
 * {@code Paths} and {@code Network} groups other bundles contribute.
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=600")
public final class OutputServerSettings implements ServerSettingsContributor {
    static final SettingDef OUTPUT_PATH = SettingDef.text("OutputPath", "Output",
            "Folder saved images go to; a relative path is inside the data folder.");
    static final SettingDef APPEND_USER = SettingDef.bool("AppendUserNameToOutputPath", true,
            "Whether each user's images go to a folder of their own under the output folder.");
    static final SettingDef CACHE_SECONDS = SettingDef.integer("OutputCacheSeconds", 30,
            "How long browsers may cache saved images (and their previews), in seconds.");

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Paths", "Settings related to file paths.", OUTPUT_PATH, APPEND_USER),
                SettingDef.group("Network", "Settings related to networking and the webserver.", CACHE_SECONDS));
    }
}
