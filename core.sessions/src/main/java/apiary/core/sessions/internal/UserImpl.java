package apiary.core.sessions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.session.User;

/** A user and its effective role data. */
final class UserImpl implements User {
    private final String id;
    private final List<String> roles;
    private final Set<String> permissions;
    private volatile Instant lastPresent = Instant.EPOCH;
    private volatile Instant lastUsed = Instant.EPOCH;

    UserImpl(String id, List<String> roles, Set<String> permissions) {
        this.id = id;
        this.roles = List.copyOf(roles);
        this.permissions = Set.copyOf(permissions);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> roles() {
        return roles;
    }

    @Override
    public Set<String> permissionFlags() {
        return permissions;
    }

    @Override
    public boolean hasPermission(String permissionId) {
        return permissions.contains(permissionId) || permissions.contains(PermissionRegistry.ALL);
    }

    @Override
    public boolean mayUseModel(String modelName) {
        return true;
    }

    @Override
    public int maxT2ISimultaneous() {
        return 32;
    }

    @Override
    public boolean allowUnsafeOutpaths() {
        return false;
    }

    @Override
    public Object setting(String path) {
        throw new IllegalArgumentException("Unknown user setting '" + path + "'");
    }

    @Override
    public Instant lastPresent() {
        return lastPresent;
    }

    @Override
    public Instant lastUsed() {
        return lastUsed;
    }

    void markPresent() {
        lastPresent = Instant.now();
    }

    void markUsed() {
        lastUsed = Instant.now();
    }
}
