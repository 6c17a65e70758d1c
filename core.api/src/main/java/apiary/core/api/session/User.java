package apiary.core.api.session;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A user as the rest of the server sees it: id, effective permissions from its stacked roles, model access and
 * settings. The effective values change at once when an admin edits the user's roles.
 */
@ProviderType
public interface User {
    /** The single user of local mode (no login required). */
    String LOCAL = "local";

    /** @return the user id */
    String id();

    /** @return the user's role ids, in order (unknown ids are kept but ignored) */
    List<String> roles();

    /** @return the union of the permission flags of the user's roles, as stored (may contain {@code *}) */
    Set<String> permissionFlags();

    /**
     * @param permissionId a permission id
     * @return whether the user's roles grant it, directly or through {@code *}
     */
    boolean hasPermission(String permissionId);

    /**
     * SwarmUI's model access rule: {@code (none)} is always allowed; a blacklist prefix match denies; an empty
     * whitelist allows; otherwise a whitelist prefix must match. Matching is case-insensitive.
     *
     * @param modelName a model path such as {@code OfficialStableDiffusion/sd_xl_base_1.0.safetensors}
     * @return whether the user may use it
     */
    boolean mayUseModel(String modelName);

    /** @return the largest {@code MaxT2ISimultaneous} of the user's roles */
    int maxT2ISimultaneous();

    /** @return the largest {@link apiary.core.api.user.RoleInfo#maxQueuedImages()} of the user's roles */
    int maxQueuedImages();

    /** @return the largest {@link apiary.core.api.user.RoleInfo#schedulingWeight()} of the user's roles */
    double schedulingWeight();

    /** @return whether any of the user's roles allows unsafe output paths */
    boolean allowUnsafeOutpaths();

    /**
     * @param path a dotted, case-insensitive user setting id such as {@code fileformat.imageformat}
     * @return the user's value, or the server default for that user setting
     * @throws IllegalArgumentException for an unknown setting id
     */
    Object setting(String path);

    /** @return when the user last made any API call (present), or {@link Instant#EPOCH} */
    Instant lastPresent();

    /** @return when the user last made a user-update call, or {@link Instant#EPOCH} */
    Instant lastUsed();
}
