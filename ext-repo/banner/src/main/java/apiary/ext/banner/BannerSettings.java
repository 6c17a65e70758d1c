package apiary.ext.banner;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.service.component.annotations.Component;

/** The extension's own group in the server settings: {@code banner.text}. */
@Component
public class BannerSettings implements ServerSettingsContributor {
    static final String TEXT = "banner.text";

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Banner", "Settings of the banner extension.",
                SettingDef.text("Text", "Welcome to Apiary!", "The text of the welcome banner.")));
    }
}
