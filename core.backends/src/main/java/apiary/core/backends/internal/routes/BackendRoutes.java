package apiary.core.backends.internal.routes;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.core.api.backend.BackendDTO;
import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.backend.BackendStatus;
import apiary.core.api.backend.BackendTypeInfo;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.ApiError;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * SwarmUI's BackendAPI: listing, adding, editing, toggling, deleting and restarting backends (memory freeing is in
 * {@link BackendMemoryRoutes}). Mutations answer at once: an edited, disabled or deleted backend finishes the jobs
 * it runs before its old instance stops (SwarmUI makes the call wait for that instead). While settings are locked
 * ({@value SettingsLock#PROPERTY}) every mutating route answers {@code Settings are locked.}.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = BackendRoutes.AREA, description = BackendRoutes.AREA_DESCRIPTION)
public final class BackendRoutes implements RouteProvider {
    static final String AREA = "BackendAPI";
    static final String AREA_DESCRIPTION = "API routes to manage the server's backends.";
    private static final System.Logger LOG = System.getLogger(BackendRoutes.class.getName());
    private static final String NET_OBJECT = "\"id\": \"idhere\",\n\"type\": \"typehere\",\n\"status\": \"statushere\",\n"
            + "\"settings\": { \"namehere\": valuehere },\n\"modcount\": 0,\n\"features\": [ \"featureidhere\", ... ],\n"
            + "\"enabled\": true,\n\"title\": \"titlehere\",\n\"can_load_models\": true,\n\"max_usages\": 0";

    private final BackendRegistry registry;
    private final SettingsLock lock;

    /**
     * @param registry the configured backends
     * @param context gives the {@value SettingsLock#PROPERTY} framework property
     */
    @Activate
    public BackendRoutes(@Reference BackendRegistry registry, BundleContext context) {
        this.registry = registry;
        this.lock = SettingsLock.of(context);
    }

    /** @return every installed backend type with its settings schema */
    @Route(permission = CorePermissions.VIEW_BACKENDS_LIST, description = "Returns of a list of all available backend types.",
            returns = "\"list\": [ { \"id\": \"idhere\", \"name\": \"namehere\", \"description\": \"descriptionhere\", "
                    + "\"settings\": [ { \"name\", \"type\", \"description\", \"placeholder\", \"is_secret\", \"values\", "
                    + "\"value_names\" } ], \"is_standard\": false } ]")
    public Map<String, Object> ListBackendTypes() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (BackendTypeInfo t : registry.types()) {
            list.add(BackendJson.type(t));
        }
        return Map.of("list", list);
    }

    /** @return the backends keyed by id, in id order */
    @Route(permission = CorePermissions.VIEW_BACKENDS_LIST, description = "Returns a list of currently registered backends.",
            returns = "\"idhere\": { " + NET_OBJECT + ",\n\"current_model\": \"modelnamehere\" // Only if `full_data` is true }")
    public Map<String, Object> ListBackends(
            @Param(description = "If true, include 'nonreal' backends (ones that were spawned temporarily/internally).",
                    defaultValue = "False") boolean nonreal,
            @Param(description = "If true, include nonessential data about backends (eg what model is currently loaded).",
                    defaultValue = "False") boolean full_data) {
        Map<String, Object> out = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        for (BackendDTO b : registry.backends()) {
            if (b.real || nonreal) {
                out.put(Integer.toString(b.id), BackendJson.backend(b, full_data, now));
            }
        }
        return out;
    }

    /** @return the new backend */
    @Route(permission = CorePermissions.ADD_REMOVE_BACKENDS, userUpdate = true,
            description = "Add a new backend of the specified type.", returns = NET_OBJECT)
    public Map<String, Object> AddNewBackend(Session session,
            @Param(description = "ID of what type of backend to add (see `ListBackendTypes`).") String type_id) {
        LOG.log(Level.WARNING, "User {0} requested add-new-backend of type {1}.", session.user().id(), type_id);
        lock.check();
        if (registry.types().stream().noneMatch(t -> t.id().equals(type_id))) {
            throw new ApiError("Invalid backend type: " + type_id);
        }
        return BackendJson.backend(refused(() -> registry.add(type_id, "", Map.of())), false, System.currentTimeMillis());
    }

    /** @return whether it was deleted */
    @Route(permission = CorePermissions.ADD_REMOVE_BACKENDS, userUpdate = true,
            description = "Shuts down and deletes a registered backend by ID.",
            returns = "\"result\": \"Deleted.\"\n// OR\n\"result\": \"Already didn't exist.\"")
    public Map<String, Object> DeleteBackend(Session session,
            @Param(description = "ID of the backend to delete.") int backend_id) {
        LOG.log(Level.WARNING, "User {0} requested delete of backend {1}.", session.user().id(), backend_id);
        lock.check();
        return Map.of("result", registry.remove(backend_id) ? "Deleted." : "Already didn't exist.");
    }

    /** @return whether anything changed */
    @Route(permission = CorePermissions.TOGGLE_BACKENDS, userUpdate = true,
            description = "Disables or re-enables a backend by ID.",
            returns = "\"result\": \"Success.\"\n// OR\n\"result\": \"No change.\"")
    public Map<String, Object> ToggleBackend(Session session,
            @Param(description = "ID of the backend to toggle.") int backend_id,
            @Param(description = "If true, backend should be enabled. If false, backend should be disabled.") boolean enabled) {
        LOG.log(Level.WARNING, "User {0} requested toggle of backend {1}, enabled={2}.", session.user().id(), backend_id, enabled);
        lock.check();
        return Map.of("result", refused(() -> registry.setEnabled(backend_id, enabled)) ? "Success." : "No change.");
    }

    /** @return the edited backend */
    @Route(permission = CorePermissions.EDIT_BACKENDS, userUpdate = true,
            description = "Modify and re-init an already registered backend.", returns = NET_OBJECT)
    public Map<String, Object> EditBackend(Session session,
            @Param(description = "ID of the backend to edit.") int backend_id,
            @Param(description = "New title of the backend.") String title,
            @Param(description = " Input should contain a map of `\"settingname\": value`.") Map<String, Object> raw_inp,
            @Param(description = "Optional new ID to change the backend to.", defaultValue = "-1") int new_id) {
        LOG.log(Level.WARNING, "User {0} requested edit of backend {1}.", session.user().id(), backend_id);
        lock.check();
        Object settings = raw_inp.get("settings");
        if (!(settings instanceof Map)) {
            throw new ApiError("Missing settings.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) settings;
        BackendDTO edited = refused(() -> registry.edit(backend_id, new_id, title, changes));
        return BackendJson.backend(edited, false, System.currentTimeMillis());
    }

    /** @return how many were restarted */
    @Route(permission = CorePermissions.RESTART_BACKENDS, userUpdate = true,
            description = "Restart all backends or a specific one.",
            returns = "\"result\": \"Success.\",\n\"count\": 1 // Number of backends restarted")
    public Map<String, Object> RestartBackends(Session session,
            @Param(description = "What backend ID to restart, or `all` for all.", defaultValue = "all") String backend) {
        LOG.log(Level.WARNING, "User {0} requested restart of backend {1}.", session.user().id(), backend);
        lock.check();
        int count = 0;
        for (BackendDTO b : registry.backends()) {
            boolean chosen = "all".equals(backend) || Integer.toString(b.id).equals(backend);
            if (chosen && (b.status == BackendStatus.RUNNING || b.status == BackendStatus.ERRORED) && registry.restart(b.id)) {
                count++;
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("result", "Success.");
        out.put("count", count);
        return out;
    }

    private interface Call<T> {
        T run();
    }

    /** The registry says why it refuses a change in a user-facing sentence; SwarmUI answers such refusals as errors. */
    private static <T> T refused(Call<T> call) {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            throw new ApiError(Optional.ofNullable(e.getMessage()).orElse("Invalid input."));
        }
    }
}
