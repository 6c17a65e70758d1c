package apiary.core.api.model;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The wildcard files ({@code Data/Wildcards/**.txt}) that {@code <wildcard:name>} in a prompt picks from. */
@ProviderType
public interface WildcardLibrary {
    /** @return every wildcard name (path relative to the folder, without {@code .txt}), ordered */
    List<String> names();

    /**
     * @param name a wildcard name, case-insensitive
     * @return its options (non-empty lines, comments stripped)
     */
    Optional<List<String>> options(String name);
}
