package apiary.core.t2i.internal.testing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import apiary.core.api.session.User;

/** A user for unit tests: an id, a permission set, model prefixes it may not use, and settings. */
public final class TestUser implements User {
    private final String id;
    private final Set<String> permissions;
    private final List<String> deniedModelPrefixes;
    private final Map<String, Object> settings = new HashMap<>();

    public TestUser(String id, Set<String> permissions, List<String> deniedModelPrefixes) {
        this.id = id;
        this.permissions = permissions;
        this.deniedModelPrefixes = deniedModelPrefixes;
    }

    /** @return a user holding every permission */
    public static TestUser admin(String id) {
        return new TestUser(id, Set.of("*"), List.of());
    }

    public TestUser with(String setting, Object value) {
        settings.put(setting, value);
        return this;
    }

    @Override public String id() { return id; }
    @Override public List<String> roles() { return List.of("user"); }
    @Override public Set<String> permissionFlags() { return permissions; }
    @Override public boolean hasPermission(String p) { return permissions.contains("*") || permissions.contains(p); }
    @Override public boolean mayUseModel(String name) {
        return deniedModelPrefixes.stream().noneMatch(d -> name.toLowerCase().startsWith(d.toLowerCase()));
    }
    @Override public int maxT2ISimultaneous() { return 32; }
    @Override public int maxQueuedImages() { return 1000; }
    @Override public double schedulingWeight() { return 1; }
    @Override public boolean allowUnsafeOutpaths() { return false; }
    @Override public Object setting(String path) {
        if (!settings.containsKey(path)) {
            throw new IllegalArgumentException("unknown setting " + path);
        }
        return settings.get(path);
    }
    @Override public Instant lastPresent() { return Instant.EPOCH; }
    @Override public Instant lastUsed() { return Instant.EPOCH; }
}
