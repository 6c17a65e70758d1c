package apiary.core.sessions.internal.preset;

import java.util.Map;
import java.util.Optional;

import apiary.core.api.user.PresetLibrary;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The core.api {@link PresetLibrary} over the preset table. */
@Component(service = PresetLibrary.class)
public final class PresetLibraryImpl implements PresetLibrary {
    private final PresetStore store;

    /** @param store the preset table */
    @Activate
    public PresetLibraryImpl(@Reference PresetStore store) {
        this.store = store;
    }

    @Override
    public Optional<Map<String, String>> paramMap(String userId, String title) {
        return store.find(userId, title).map(Preset::paramMap);
    }
}
