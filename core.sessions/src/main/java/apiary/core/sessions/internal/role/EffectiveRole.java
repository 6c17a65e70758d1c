package apiary.core.sessions.internal.role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.user.RoleInfo;

/**
 * What a user may do, from the stack of its roles: permission flags and model lists are unioned, numeric limits take
 * the largest value, unsafe out paths are allowed if any role allows them.
 */
public final class EffectiveRole {
    /** A model name that every role may use. */
    static final String NO_MODEL = "(none)";

    private final Set<String> permissions;
    private final List<String> whitelist;
    private final List<String> blacklist;
    private final int maxT2ISimultaneous;
    private final int maxOutPathDepth;
    private final boolean allowUnsafeOutpaths;
    private final int maxQueuedImages;
    private final double schedulingWeight;

    private EffectiveRole(Set<String> permissions, List<String> whitelist, List<String> blacklist, int maxT2I,
            int maxOutPathDepth, boolean allowUnsafeOutpaths, int maxQueuedImages, double schedulingWeight) {
        this.permissions = Collections.unmodifiableSet(permissions);
        this.whitelist = List.copyOf(whitelist);
        this.blacklist = List.copyOf(blacklist);
        this.maxT2ISimultaneous = maxT2I;
        this.maxOutPathDepth = maxOutPathDepth;
        this.allowUnsafeOutpaths = allowUnsafeOutpaths;
        this.maxQueuedImages = maxQueuedImages;
        this.schedulingWeight = schedulingWeight;
    }

    /**
     * @param roles the user's known roles, in order
     * @return their union
     */
    static EffectiveRole stack(List<RoleInfo> roles) {
        Set<String> perms = new LinkedHashSet<>();
        List<String> white = new ArrayList<>();
        List<String> black = new ArrayList<>();
        int maxT2I = 0;
        int depth = 0;
        boolean unsafe = false;
        int queued = 0;
        double weight = 0;
        for (RoleInfo r : roles) {
            queued = Math.max(queued, r.maxQueuedImages());
            weight = Math.max(weight, r.schedulingWeight());
            perms.addAll(r.permissions());
            addLower(white, r.modelWhitelist());
            addLower(black, r.modelBlacklist());
            maxT2I = Math.max(maxT2I, r.maxT2ISimultaneous());
            depth = Math.max(depth, r.maxOutPathDepth());
            unsafe |= r.allowUnsafeOutpaths();
        }
        return new EffectiveRole(perms, white, black, maxT2I, depth, unsafe, queued, weight > 0 ? weight : 1.0);
    }

    private static void addLower(List<String> into, List<String> prefixes) {
        for (String p : prefixes) {
            String lower = p.toLowerCase(Locale.ROOT);
            if (!into.contains(lower)) {
                into.add(lower);
            }
        }
    }

    /** @return the union of the roles' flags, as stored (may contain {@code *}) */
    public Set<String> permissions() {
        return permissions;
    }

    /** @param id a permission id @return whether it is held, directly or through {@code *} */
    public boolean has(String id) {
        return permissions.contains(id) || permissions.contains(PermissionRegistry.ALL);
    }

    /** @param model a model path @return SwarmUI's whitelist/blacklist verdict */
    public boolean mayUseModel(String model) {
        if (model == null) {
            return false;
        }
        if (NO_MODEL.equals(model)) {
            return true;
        }
        String lower = model.toLowerCase(Locale.ROOT);
        for (String prefix : blacklist) {
            if (lower.startsWith(prefix)) {
                return false;
            }
        }
        if (whitelist.isEmpty()) {
            return true;
        }
        for (String prefix : whitelist) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @return the largest simultaneous-generation limit */
    public int maxT2ISimultaneous() {
        return maxT2ISimultaneous;
    }

    /** @return the largest out-path depth */
    public int maxOutPathDepth() {
        return maxOutPathDepth;
    }

    /** @return whether any role allows unsafe out paths */
    public boolean allowUnsafeOutpaths() {
        return allowUnsafeOutpaths;
    }

    /** @return the largest queued-images limit of the roles */
    public int maxQueuedImages() {
        return maxQueuedImages;
    }

    /** @return the largest scheduling weight of the roles (1 without roles) */
    public double schedulingWeight() {
        return schedulingWeight;
    }
}
