package apiary.core.sessions.internal.settings;

import java.util.List;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;
import apiary.core.sessions.internal.catalog.Catalogs;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Declares this bundle's server settings ({@link SessionSettingsTree}). Kept apart from {@link AuthSettings}, which
 * needs the settings store: the store binds every contributor while it activates, so a contributor that also needed
 * the store would be a service cycle.
 */
@Component(property = ServerSettingsContributor.ORDER + ":Integer=300")
public final class SessionSettingsContributor implements ServerSettingsContributor {
    private final List<SettingDef> nodes;

    /** @param catalogs option lists for the user tree's dropdowns */
    @Activate
    public SessionSettingsContributor(@Reference Catalogs catalogs) {
        this.nodes = SessionSettingsTree.nodes(catalogs);
    }

    @Override
    public List<SettingDef> settings() {
        return nodes;
    }
}
