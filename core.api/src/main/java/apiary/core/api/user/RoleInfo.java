package apiary.core.api.user;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A role definition (SwarmUI's {@code Role}): permission flags plus limits. Immutable; change it with the
 * {@code with...} methods and save it through {@link RoleStore#save}.
 */
public final class RoleInfo {
    private final String id;
    private final String name;
    private final String description;
    private final int maxOutPathDepth;
    private final int maxT2ISimultaneous;
    private final boolean allowUnsafeOutpaths;
    private final List<String> modelWhitelist;
    private final List<String> modelBlacklist;
    private final Set<String> permissions;
    private final boolean builtIn;
    private final int maxQueuedImages;
    private final double schedulingWeight;

    private RoleInfo(String id, String name, String description, int maxOutPathDepth, int maxT2ISimultaneous,
            boolean allowUnsafeOutpaths, List<String> modelWhitelist, List<String> modelBlacklist,
            Set<String> permissions, boolean builtIn, int maxQueuedImages, double schedulingWeight) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.maxOutPathDepth = maxOutPathDepth;
        this.maxT2ISimultaneous = maxT2ISimultaneous;
        this.allowUnsafeOutpaths = allowUnsafeOutpaths;
        this.modelWhitelist = List.copyOf(modelWhitelist);
        this.modelBlacklist = List.copyOf(modelBlacklist);
        this.permissions = Collections.unmodifiableSet(new LinkedHashSet<>(permissions));
        this.builtIn = builtIn;
        this.maxQueuedImages = maxQueuedImages;
        this.schedulingWeight = schedulingWeight;
    }

    /** The default of {@link #maxQueuedImages()}. */
    public static final int DEFAULT_MAX_QUEUED_IMAGES = 1000;

    /**
     * A new role with SwarmUI's defaults: max out-path depth 5, 32 simultaneous generations, no unsafe out paths,
     * no model lists, no permissions; and Apiary's: {@value #DEFAULT_MAX_QUEUED_IMAGES} queued images, weight 1.
     *
     * @param id the role id
     * @param name the display name
     * @return the role
     */
    public static RoleInfo of(String id, String name) {
        return new RoleInfo(id, name, "", 5, 32, false, List.of(), List.of(), Set.of(), false, DEFAULT_MAX_QUEUED_IMAGES, 1.0);
    }

    /** @return the id (the key used by the admin routes) */
    public String id() { return id; }
    /** @return the display name */
    public String name() { return name; }
    /** @return the description */
    public String description() { return description; }
    /** @return SwarmUI's MaxOutPathDepth */
    public int maxOutPathDepth() { return maxOutPathDepth; }
    /** @return how many generations a user of this role may run at once */
    public int maxT2ISimultaneous() { return maxT2ISimultaneous; }
    /** @return whether unsafe output paths are allowed */
    public boolean allowUnsafeOutpaths() { return allowUnsafeOutpaths; }
    /** @return model path prefixes that are allowed (empty: all) */
    public List<String> modelWhitelist() { return modelWhitelist; }
    /** @return model path prefixes that are denied */
    public List<String> modelBlacklist() { return modelBlacklist; }
    /** @return the granted permission ids (may contain {@code *}) */
    public Set<String> permissions() { return permissions; }
    /** @return whether this is one of the five built-in roles, which cannot be deleted */
    public boolean builtIn() { return builtIn; }
    /** @return how many images a user of this role may have queued or running at once (beyond SwarmUI) */
    public int maxQueuedImages() { return maxQueuedImages; }
    /** @return the user's share of the backends when users compete, relative to other users' weights (beyond SwarmUI; default 1) */
    public double schedulingWeight() { return schedulingWeight; }

    /** @param v new description @return a copy */
    public RoleInfo withDescription(String v) {
        return new RoleInfo(id, name, v, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new depth @return a copy */
    public RoleInfo withMaxOutPathDepth(int v) {
        return new RoleInfo(id, name, description, v, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new limit @return a copy */
    public RoleInfo withMaxT2ISimultaneous(int v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, v, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new flag @return a copy */
    public RoleInfo withAllowUnsafeOutpaths(boolean v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, v, modelWhitelist, modelBlacklist, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new whitelist @return a copy */
    public RoleInfo withModelWhitelist(List<String> v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, v, modelBlacklist, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new blacklist @return a copy */
    public RoleInfo withModelBlacklist(List<String> v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, v, permissions, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new permission set @return a copy */
    public RoleInfo withPermissions(Set<String> v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, v, builtIn, maxQueuedImages, schedulingWeight);
    }
    /** @param v new queue limit @return a copy */
    public RoleInfo withMaxQueuedImages(int v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, builtIn, v, schedulingWeight);
    }
    /** @param v new scheduling weight (greater than 0) @return a copy */
    public RoleInfo withSchedulingWeight(double v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, builtIn, maxQueuedImages, v);
    }
    /** @param v whether built in @return a copy */
    public RoleInfo withBuiltIn(boolean v) {
        return new RoleInfo(id, name, description, maxOutPathDepth, maxT2ISimultaneous, allowUnsafeOutpaths, modelWhitelist, modelBlacklist, permissions, v, maxQueuedImages, schedulingWeight);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RoleInfo)) {
            return false;
        }
        RoleInfo r = (RoleInfo) o;
        return id.equals(r.id) && name.equals(r.name) && description.equals(r.description)
                && maxOutPathDepth == r.maxOutPathDepth && maxT2ISimultaneous == r.maxT2ISimultaneous
                && allowUnsafeOutpaths == r.allowUnsafeOutpaths && modelWhitelist.equals(r.modelWhitelist)
                && modelBlacklist.equals(r.modelBlacklist) && permissions.equals(r.permissions) && builtIn == r.builtIn
                && maxQueuedImages == r.maxQueuedImages && schedulingWeight == r.schedulingWeight;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
