package apiary.core.api.user;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only access to the small named values the account store keeps per user (SwarmUI's "generic data"), for
 * bundles that show them to their owner, such as {@code ListT2IParams}' {@code param_edits}.
 *
 * @since 1.2
 */
@ProviderType
public interface UserDataReader {
    /** The parameter edits object {@code SetParamEdits} stores (JSON, SwarmUI's {@code {"groups":{},"params":{}}}). */
    String PARAM_EDITS = "param_edits";

    /**
     * @param userId a user id
     * @param name a value name such as {@link #PARAM_EDITS}
     * @return the stored text (JSON for the objects SwarmUI keeps), if any
     */
    Optional<String> read(String userId, String name);
}
