package apiary.core.sessions.internal.install;

import java.util.List;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** The hidden top-level settings that record whether, when and as which version the server was set up. */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=600")
public final class InstallSettings implements ServerSettingsContributor {
    /** Dotted id of the "server is set up" flag. */
    public static final String IS_INSTALLED = "isinstalled";
    /** Dotted id of the setup date. */
    public static final String INSTALL_DATE = "installdate";
    /** Dotted id of the version that ran the setup. */
    public static final String INSTALL_VERSION = "installversion";

    @Override
    public List<SettingDef> settings() {
        return List.of(
                SettingDef.bool("IsInstalled", false,
                        "If this is set to 'true', hides the installer page. If 'false', the installer page will be shown.").asHidden(),
                SettingDef.text("InstallDate", "", "The date that this instance was installed.").asHidden(),
                SettingDef.text("InstallVersion", "", "The Apiary version that this instance was installed as.").asHidden());
    }

    /**
     * @param settings the server settings
     * @param id a dotted setting id that another bundle may or may not define
     * @return its value, or {@code null} while nobody defines it
     */
    static Object valueOrNull(ServerSettings settings, String id) {
        try {
            return settings.get(id);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
