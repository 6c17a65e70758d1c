package apiary.core.sessions.internal.role;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import apiary.core.api.json.Json;
import apiary.core.api.permission.PermissionCatalogueListener;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.user.RoleInfo;
import apiary.core.api.user.RoleStore;
import apiary.core.sessions.internal.db.SessionsDatabase;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The persisted roles. The five built-in roles are created when missing; the owner holds {@code *} after every
 * start. Every permission the catalogue shows is granted to the built-in roles by its default level exactly once and
 * then recorded as tracked, so an admin's later edit is never undone, including for permissions of extensions that
 * are installed later. Users read their effective role through {@link #effective(List)}, which follows every save.
 */
@Component(service = {RoleStore.class, PermissionCatalogueListener.class, RoleStoreImpl.class}, immediate = true)
public final class RoleStoreImpl implements RoleStore, PermissionCatalogueListener {
    private static final System.Logger LOG = System.getLogger(RoleStoreImpl.class.getName());

    private final RoleTable table;
    private final Map<String, RoleInfo> roles = new ConcurrentHashMap<>();
    private final Map<List<String>, Versioned> effectiveCache = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();

    /**
     * @param database the account tables
     * @param json JSON for the stored lists
     */
    @Activate
    public RoleStoreImpl(@Reference SessionsDatabase database, @Reference Json json) {
        this.table = new RoleTable(database.sql(), json);
        for (RoleInfo r : table.loadAll()) {
            roles.put(r.id(), r);
        }
        applyStartupFixes();
    }

    private synchronized void applyStartupFixes() {
        List<RoleInfo> changed = new ArrayList<>();
        for (String id : BuiltInRoles.IDS) {
            if (!roles.containsKey(id)) {
                changed.add(BuiltInRoles.create(id));
            }
        }
        changed.forEach(r -> roles.put(r.id(), r));
        RoleInfo owner = roles.get(OWNER);
        if (!owner.permissions().contains(PermissionRegistry.ALL)) {
            changed.add(put(owner.withPermissions(plus(owner.permissions(), PermissionRegistry.ALL))));
        }
        if (roles.get(GUEST).permissions().contains(PermissionRegistry.ALL)) {
            // A guest holding everything can only be a damaged file; nobody but the owner keeps the wildcard.
            LOG.log(Level.WARNING, "The guest role held '*'; removing it from every built-in role except owner");
            for (String id : BuiltInRoles.IDS.subList(1, BuiltInRoles.IDS.size())) {
                RoleInfo r = roles.get(id);
                Set<String> perms = new LinkedHashSet<>(r.permissions());
                perms.remove(PermissionRegistry.ALL);
                changed.add(put(r.withPermissions(perms)));
            }
        }
        if (!changed.isEmpty()) {
            table.saveWithTracked(changed, List.of());
        }
    }

    @Override
    public List<RoleInfo> roles() {
        List<RoleInfo> out = new ArrayList<>();
        for (String id : BuiltInRoles.IDS) {
            out.add(roles.get(id));
        }
        roles.values().stream().filter(r -> !r.builtIn()).sorted(Comparator.comparing(RoleInfo::id)).forEach(out::add);
        return out;
    }

    @Override
    public Optional<RoleInfo> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(roles.get(id));
    }

    @Override
    public synchronized void save(RoleInfo role) {
        RoleInfo stored = role.withBuiltIn(BuiltInRoles.isBuiltIn(role.id()));
        table.save(stored);
        put(stored);
    }

    @Override
    public synchronized boolean add(RoleInfo role) {
        if (roles.containsKey(role.id())) {
            return false;
        }
        save(role);
        return true;
    }

    @Override
    public synchronized Optional<RoleInfo> update(String id, UnaryOperator<RoleInfo> change) {
        RoleInfo current = id == null ? null : roles.get(id);
        if (current == null) {
            return Optional.empty();
        }
        RoleInfo next = change.apply(current);
        if (!next.id().equals(id)) {
            throw new IllegalArgumentException("A role update cannot change the role's id");
        }
        save(next);
        return find(id);
    }

    @Override
    public synchronized boolean delete(String id) {
        if (BuiltInRoles.isBuiltIn(id)) {
            throw new IllegalArgumentException("The built-in role '" + id + "' cannot be deleted");
        }
        if (!roles.containsKey(id)) {
            return false;
        }
        table.delete(id);
        roles.remove(id);
        changed();
        return true;
    }

    @Override
    public synchronized void catalogueChanged(List<PermissionInfo> all) {
        Set<String> tracked = table.tracked();
        Map<String, RoleInfo> updated = new LinkedHashMap<>();
        List<String> newlyTracked = new ArrayList<>();
        for (PermissionInfo p : all) {
            if (tracked.contains(p.id()) || newlyTracked.contains(p.id())) {
                continue;
            }
            newlyTracked.add(p.id());
            for (String roleId : BuiltInRoles.grantedTo(p.defaultLevel())) {
                RoleInfo r = updated.getOrDefault(roleId, roles.get(roleId));
                updated.put(roleId, r.withPermissions(plus(r.permissions(), p.id())));
            }
        }
        if (newlyTracked.isEmpty()) {
            return;
        }
        table.saveWithTracked(new ArrayList<>(updated.values()), newlyTracked);
        updated.values().forEach(this::put);
        LOG.log(Level.INFO, "Granted {0} new permission(s) to the built-in roles by their default level", newlyTracked.size());
    }

    /**
     * @param roleIds a user's role ids; unknown ids are ignored
     * @return the stacked role, following every change to the roles
     */
    public EffectiveRole effective(List<String> roleIds) {
        List<String> key = List.copyOf(roleIds);
        long current = version.get();
        Versioned cached = effectiveCache.get(key);
        if (cached != null && cached.version == current) {
            return cached.role;
        }
        List<RoleInfo> known = new ArrayList<>();
        for (String id : key) {
            RoleInfo r = roles.get(id);
            if (r != null) {
                known.add(r);
            }
        }
        EffectiveRole fresh = EffectiveRole.stack(known);
        effectiveCache.put(key, new Versioned(current, fresh));
        return fresh;
    }

    /** A cached stack, valid only while the roles are at the version it was computed from. */
    private record Versioned(long version, EffectiveRole role) {
    }

    /** @return a number that changes whenever any role changes */
    public long version() {
        return version.get();
    }

    private RoleInfo put(RoleInfo role) {
        roles.put(role.id(), role);
        changed();
        return role;
    }

    private void changed() {
        version.incrementAndGet();
        effectiveCache.clear();
    }

    private static Set<String> plus(Set<String> set, String id) {
        Set<String> out = new LinkedHashSet<>(set);
        out.add(id);
        return out;
    }
}
