package apiary.core.sessions.internal.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.session.User;
import apiary.core.api.settings.SettingDef;
import apiary.core.api.settings.SettingType;
import apiary.core.api.settings.SettingsTree;
import apiary.core.sessions.internal.role.EffectiveRole;
import apiary.core.sessions.internal.role.RoleStoreImpl;
import apiary.core.sessions.internal.settings.AuthSettings;
import apiary.core.sessions.internal.settings.UserSettingDefs;

/**
 * A loaded user: id, the settings it changed (everything else reads the server's {@code defaultuser} values) and
 * activity times. Permissions and model access are computed from the current roles on every call, so an admin's
 * edit of a role or of the user's role list takes effect at once.
 */
public final class UserImpl implements User {
    private final String id;
    private final RoleStoreImpl roleStore;
    private final AuthSettings auth;
    private final Map<String, Object> overrides = new ConcurrentHashMap<>();
    private volatile Instant lastPresent = Instant.EPOCH;
    private volatile Instant lastUsed = Instant.EPOCH;

    UserImpl(String id, RoleStoreImpl roleStore, AuthSettings auth, Map<String, Object> overrides) {
        this.id = id;
        this.roleStore = roleStore;
        this.auth = auth;
        this.overrides.putAll(overrides);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public List<String> roles() {
        Object v = setting(UserSettingDefs.ROLES);
        List<String> out = new ArrayList<>();
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                out.add(String.valueOf(o));
            }
        }
        return out;
    }

    /** @return the stack of the user's current roles */
    public EffectiveRole effective() {
        return roleStore.effective(roles());
    }

    @Override
    public Set<String> permissionFlags() {
        return effective().permissions();
    }

    @Override
    public boolean hasPermission(String permissionId) {
        return effective().has(permissionId);
    }

    @Override
    public boolean mayUseModel(String modelName) {
        return effective().mayUseModel(modelName);
    }

    @Override
    public int maxT2ISimultaneous() {
        return effective().maxT2ISimultaneous();
    }

    @Override
    public int maxQueuedImages() {
        return effective().maxQueuedImages();
    }

    @Override
    public double schedulingWeight() {
        return effective().schedulingWeight();
    }

    @Override
    public boolean allowUnsafeOutpaths() {
        return effective().allowUnsafeOutpaths();
    }

    @Override
    public Object setting(String path) {
        String key = path == null ? "" : path.toLowerCase(Locale.ROOT);
        SettingDef def = SettingsTree.find(auth.userTree(), key).orElse(null);
        if (def == null || def.type() == SettingType.GROUP) {
            throw new IllegalArgumentException("Unknown user setting '" + path + "'");
        }
        Object own = overrides.get(key);
        return own != null ? own : auth.userDefault(key);
    }

    /** @return the settings this user changed, by lower-case dotted id */
    Map<String, Object> overrides() {
        return overrides;
    }

    @Override
    public Instant lastPresent() {
        return lastPresent;
    }

    @Override
    public Instant lastUsed() {
        return lastUsed;
    }

    /** Any API call: the user is present. */
    public void markPresent() {
        lastPresent = Instant.now();
    }

    /** A user-update call: the user is active. */
    public void markUsed() {
        lastUsed = Instant.now();
    }

    @Override
    public String toString() {
        return id;
    }
}
