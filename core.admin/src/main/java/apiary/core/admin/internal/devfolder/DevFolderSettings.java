package apiary.core.admin.internal.devfolder;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** Declares {@code extensions.developmentfolder}, next to the repositories in the Extensions group. */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=901")
public final class DevFolderSettings implements ServerSettingsContributor {
    /** The setting's dotted id. */
    static final String SETTING = "extensions.developmentfolder";
    /** The leaf, as this bundle reads it. */
    static final SettingDef DEFINITION = SettingDef.bool("DevelopmentFolder", false, "For extension developers: watch "
            + "the folder dev-extensions under the data folder. A bundle jar copied there is installed and started within "
            + "a second, a changed jar updates its bundle in place (same version or not), a removed one is uninstalled. "
            + "Turning this off uninstalls those bundles. ListDevExtensions shows each jar's bundle and why it does not "
            + "work. Never turn this on where people you do not trust can write to the data folder.");

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Extensions", "Where extensions are installed and updated from.", DEFINITION));
    }
}
