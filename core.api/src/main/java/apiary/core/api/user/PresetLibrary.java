package apiary.core.api.user;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read access to users' parameter presets, for code that applies them (a generation request naming
 * {@code presets}). Presets are edited through the BasicAPIFeatures routes.
 */
@ProviderType
public interface PresetLibrary {
    /**
     * @param userId the owner
     * @param title the preset title, case-insensitive
     * @return the preset's parameters: parameter id (or name) to value text, in the order stored
     */
    Optional<Map<String, String>> paramMap(String userId, String title);
}
