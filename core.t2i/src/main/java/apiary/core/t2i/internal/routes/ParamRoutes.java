package apiary.core.t2i.internal.routes;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import apiary.core.api.backend.BackendRegistry;
import apiary.core.api.json.Json;
import apiary.core.api.model.ModelLibrary;
import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.core.api.user.UserDataReader;
import apiary.core.t2i.internal.params.ModelCatalog;
import apiary.core.t2i.internal.params.ParamListing;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code ListT2IParams} and {@code TriggerRefresh}: the parameter listing, generated from the registry. */
@Component(service = RouteProvider.class)
@RouteArea(value = T2IArea.NAME, description = T2IArea.DESCRIPTION)
public final class ParamRoutes implements RouteProvider {
    /** SwarmUI refreshes at most once per this many milliseconds. */
    static final long REFRESH_INTERVAL_MILLIS = 10_000;
    private static final String CONTROL_MODEL_REFRESH = "control_model_refresh";

    private final T2IParamRegistry registry;
    private final ModelCatalog models;
    private final AtomicLong lastRefresh = new AtomicLong();
    private final Json json;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDataReader userData;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile BackendRegistry backends;

    /**
     * @param registry the parameters
     * @param models the model lists
     * @param json reads the stored parameter edits
     */
    @Activate
    public ParamRoutes(@Reference T2IParamRegistry registry, @Reference ModelCatalog models, @Reference Json json) {
        this.registry = registry;
        this.models = models;
        this.json = json;
    }

    /** @return SwarmUI's parameter listing */
    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS,
            description = "Get a list of available T2I parameters.",
            returns = "\"list\": [ { \"name\": \"Prompt\", \"id\": \"prompt\", \"description\": \"...\", \"type\": \"text\", ... } ],\n"
                    + "\"groups\": [...], \"models\": { \"Stable-Diffusion\": [[\"name\", \"class\"], ...] }, \"model_classes\": {...},\n"
                    + "\"model_compat_classes\": {...}, \"wildcards\": [...], \"param_edits\": { \"groups\": {...}, \"params\": {...} } (or null)")
    public Map<String, Object> ListT2IParams(Session session) {
        return ParamListing.of(registry.params(), session.user(), models, paramEdits(session));
    }

    /** @return the caller's {@code SetParamEdits} object as SwarmUI lists it, or null when none is stored */
    private Object paramEdits(Session session) {
        UserDataReader data = userData;
        if (data == null) {
            return null;
        }
        return data.read(session.user().id(), UserDataReader.PARAM_EDITS).map(text -> (Object) json.readObject(text)).orElse(null);
    }

    /**
     * @return the listing, after the rescan when one ran
     */
    @Route(permission = CorePermissions.FUNDAMENTAL_GENERATE_TAB_ACCESS, userUpdate = true,
            description = "Trigger a refresh of the server's data, returning parameter data. Needs the permission "
                    + "'control_model_refresh' to rescan; otherwise (or within 10 seconds of the last rescan) it only returns the current data.",
            returns = "(the same as ListT2IParams)")
    public CompletionStage<Map<String, Object>> TriggerRefresh(Session session,
            @Param(defaultValue = "True", description = "If true, fully refresh everything. If false, just grab the current list.") boolean strong) {
        ModelLibrary library = models.library();
        long now = System.currentTimeMillis();
        long last = lastRefresh.get();
        BackendRegistry registry = backends;
        boolean run = strong && (library != null || registry != null) && session.user().hasPermission(CONTROL_MODEL_REFRESH)
                && now - last >= REFRESH_INTERVAL_MILLIS && lastRefresh.compareAndSet(last, now);
        if (!run) {
            return CompletableFuture.completedFuture(ListT2IParams(session));
        }
        CompletableFuture<?> local = library == null ? CompletableFuture.completedFuture(null) : CompletableFuture.runAsync(library::refresh);
        // Backends with lists of their own (remote servers) rescan too.
        CompletableFuture<?> remote = registry == null ? CompletableFuture.completedFuture(null) : registry.refresh().toCompletableFuture();
        return local.handle((ok, failure) -> null).thenCombine(remote.handle((ok, failure) -> null), (a, b) -> ListT2IParams(session));
    }
}
