package apiary.core.admin.internal.extensions.repository;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** Declares {@code extensions.repositories} (see {@link RepositorySettings}, which reads it). */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=900")
public final class RepositorySettingsContributor implements ServerSettingsContributor {
    private final List<SettingDef> nodes;

    /** @param context gives the default index URL */
    @Activate
    public RepositorySettingsContributor(BundleContext context) {
        this.nodes = List.of(SettingDef.group("Extensions", "Where extensions are installed and updated from.",
                RepositorySettings.repositories(RepositorySettings.shippedIndexes(context))));
    }

    @Override
    public List<SettingDef> settings() {
        return nodes;
    }
}
