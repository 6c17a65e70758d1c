package apiary.core.admin.internal.users;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import apiary.core.api.permission.PermissionGroup;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionLevel;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.session.InterruptToken;
import apiary.core.api.session.Session;
import apiary.core.api.session.StatusCounter;
import apiary.core.api.session.User;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;
import apiary.core.api.user.UserDirectory;

/** In-memory stand-ins for the account services, recording what the routes asked of them. */
final class Fakes {
    private Fakes() {
    }

    static final class Account implements User {
        final String id;
        List<String> roles;
        String password;
        boolean setByAdmin;
        Map<String, Object> settings = new LinkedHashMap<>();

        Account(String id, String password, List<String> roles, boolean setByAdmin) {
            this.id = id;
            this.password = password;
            this.roles = roles;
            this.setByAdmin = setByAdmin;
        }

        @Override public String id() { return id; }
        @Override public List<String> roles() { return roles; }
        @Override public Set<String> permissionFlags() { return Set.of(); }
        @Override public boolean hasPermission(String permissionId) { return false; }
        @Override public boolean mayUseModel(String modelName) { return true; }
        @Override public int maxT2ISimultaneous() { return 0; }
        @Override public int maxQueuedImages() { return 0; }
        @Override public double schedulingWeight() { return 1; }
        @Override public boolean allowUnsafeOutpaths() { return false; }
        @Override public Object setting(String path) { return settings.get(path); }
        @Override public Instant lastPresent() { return Instant.EPOCH; }
        @Override public Instant lastUsed() { return Instant.EPOCH; }
    }

    static final class Users implements UserDirectory {
        final Map<String, Account> accounts = new TreeMap<>();

        @Override public List<String> userIds() { return new ArrayList<>(accounts.keySet()); }
        @Override public Optional<User> find(String userId) { return Optional.ofNullable(accounts.get(userId)); }

        @Override
        public User create(String userId, String password, List<String> roles, boolean passwordSetByAdmin) {
            if (accounts.containsKey(userId)) {
                throw new IllegalStateException("taken");
            }
            Account a = new Account(userId, password, roles, passwordSetByAdmin);
            accounts.put(userId, a);
            return a;
        }

        @Override public boolean delete(String userId) { return accounts.remove(userId) != null; }

        @Override
        public void setPassword(String userId, String password, boolean setByAdmin) {
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            accounts.get(userId).password = password;
            accounts.get(userId).setByAdmin = setByAdmin;
        }

        @Override public boolean passwordSetByAdmin(String userId) { return accounts.get(userId).setByAdmin; }

        @Override
        public Map<String, Object> settingsTree(String userId, boolean includeRestricted) {
            return Map.of("roles", Map.of("value", String.join(" || ", accounts.get(userId).roles)));
        }

        @Override
        public void changeSettings(String userId, Map<String, Object> changes, boolean allowRestricted) {
            for (Object v : changes.values()) {
                if (v == null) {
                    throw new IllegalArgumentException("Invalid value 'null'.");
                }
            }
            accounts.get(userId).settings.putAll(changes);
        }

        @Override public void interruptAll(String userId) { }
    }

    static final class Roles implements RoleStore {
        final Map<String, RoleInfo> roles = new LinkedHashMap<>();

        Roles() {
            for (String id : List.of(OWNER, ADMIN, POWERUSER, USER, GUEST)) {
                roles.put(id, RoleInfo.of(id, id.substring(0, 1).toUpperCase() + id.substring(1)).withBuiltIn(true)
                        .withPermissions(id.equals(OWNER) ? Set.of("*") : Set.of()));
            }
        }

        @Override public List<RoleInfo> roles() { return new ArrayList<>(roles.values()); }
        @Override public Optional<RoleInfo> find(String id) { return Optional.ofNullable(roles.get(id)); }

        @Override
        public void save(RoleInfo role) {
            RoleInfo old = roles.get(role.id());
            roles.put(role.id(), role.withBuiltIn(old != null && old.builtIn()));
        }

        @Override
        public synchronized boolean add(RoleInfo role) {
            return roles.putIfAbsent(role.id(), role.withBuiltIn(false)) == null;
        }

        @Override
        public synchronized Optional<RoleInfo> update(String id, java.util.function.UnaryOperator<RoleInfo> change) {
            Optional<RoleInfo> next = find(id).map(change);
            next.ifPresent(this::save);
            return next;
        }

        @Override
        public boolean delete(String id) {
            RoleInfo r = roles.get(id);
            if (r != null && r.builtIn()) {
                throw new IllegalArgumentException("built in");
            }
            return roles.remove(id) != null;
        }
    }

    static final class Permissions implements PermissionRegistry {
        final List<PermissionInfo> all = List.of(
                PermissionInfo.of("*", "Full Control", "All.", PermissionLevel.NOBODY, PermissionGroup.SPECIAL),
                PermissionInfo.of("manage_users", "Manage Users", "Users.", PermissionLevel.NOBODY, PermissionGroup.ADMIN),
                PermissionInfo.of("fundamental", "Fundamental", "Basics.", PermissionLevel.GUEST, PermissionGroup.USER));

        @Override
        public Optional<PermissionInfo> find(String id) {
            return all.stream().filter(p -> p.id().equals(id)).findFirst();
        }

        @Override public List<PermissionInfo> all() { return all; }
        @Override public boolean isPermitted(Session session, String id) { return true; }
    }

    /** A session of the given user (only its user matters to the routes). */
    static Session sessionOf(User user) {
        return new Session() {
            @Override public String id() { return "0".repeat(40); }
            @Override public User user() { return user; }
            @Override public String originAddress() { return "127.0.0.1"; }
            @Override public AtomicInteger counter(StatusCounter counter) { return new AtomicInteger(); }
            @Override public apiary.core.api.session.CounterClaim track(StatusCounter counter, int amount) { return () -> { }; }
            @Override public int count(StatusCounter counter) { return 0; }
            @Override public InterruptToken interruptToken() { throw new UnsupportedOperationException(); }
            @Override public void interrupt() { }
            @Override public void touch(boolean userUpdate) { }
            @Override public Instant lastUsed() { return Instant.EPOCH; }
        };
    }
}
