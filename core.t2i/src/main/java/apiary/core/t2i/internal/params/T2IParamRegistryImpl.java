package apiary.core.t2i.internal.params;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.permission.PermissionCatalogueListener;
import apiary.core.api.permission.PermissionInfo;
import apiary.core.api.session.Session;
import apiary.core.api.session.User;
import apiary.core.api.t2i.T2IParam;
import apiary.core.api.t2i.T2IParamProvider;
import apiary.core.api.t2i.T2IParamRefusal;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.core.api.t2i.T2IRequest;
import apiary.core.api.user.PresetLibrary;

import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The T2I parameter whiteboard: every {@link T2IParamProvider}'s parameters, the served table rebuilt whenever a
 * provider or the permission catalogue changes (a parameter needing an undeclared permission is refused until
 * some bundle declares it), and SwarmUI's request parser over the current table.
 */
@Component(service = {T2IParamRegistry.class, PermissionCatalogueListener.class}, immediate = true)
public final class T2IParamRegistryImpl implements T2IParamRegistry, PermissionCatalogueListener {
    private static final System.Logger LOG = System.getLogger(T2IParamRegistryImpl.class.getName());

    private final Map<Long, ParamRegistration> registrations = new ConcurrentHashMap<>();
    private final ModelCatalog models;
    private volatile Set<String> permissions = Set.of();
    /** Until the permission catalogue is first known, gated parameters are refused silently (fail closed). */
    private volatile boolean catalogueKnown;
    private volatile ParamTable table = ParamTable.EMPTY;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PresetLibrary presets;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserMedia media;

    /** @param models the model names requests are matched against */
    @Activate
    public T2IParamRegistryImpl(@Reference ModelCatalog models) {
        this.models = models;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(ServiceReference<T2IParamProvider> ref, T2IParamProvider provider) {
        Object rank = ref.getProperty(Constants.SERVICE_RANKING);
        register((Long) ref.getProperty(Constants.SERVICE_ID), rank instanceof Integer ? (Integer) rank : 0,
                ref.getBundle() == null ? "?" : ref.getBundle().getSymbolicName(), provider);
    }

    /**
     * Adds a provider's parameters (the whiteboard's bind, also used by unit tests).
     *
     * @param serviceId the provider's service id (older wins a ranking tie)
     * @param ranking its service ranking
     * @param bundle the symbolic name of the bundle that registered it
     * @param provider the provider
     */
    public void register(long serviceId, int ranking, String bundle, T2IParamProvider provider) {
        List<T2IParam<?>> params;
        try {
            params = List.copyOf(provider.params());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "T2I parameter provider (service " + serviceId + ") failed to list its parameters", e);
            params = List.of();
        }
        registrations.put(serviceId, new ParamRegistration(serviceId, ranking, bundle, params));
        rebuild();
    }

    void removeProvider(ServiceReference<T2IParamProvider> ref, T2IParamProvider provider) {
        registrations.remove((Long) ref.getProperty(Constants.SERVICE_ID));
        rebuild();
    }

    @Override
    public void catalogueChanged(List<PermissionInfo> all) {
        Set<String> ids = new HashSet<>();
        all.forEach(p -> ids.add(p.id()));
        permissions = Set.copyOf(ids);
        catalogueKnown = true;
        rebuild();
    }

    private synchronized void rebuild() {
        ParamTable next = ParamTable.build(registrations.values(), permissions);
        next.refusals().stream().filter(r -> !r.shadowed && catalogueKnown).forEach(r ->
                LOG.log(System.Logger.Level.WARNING, "T2I parameter ''{0}'' of {1} refused: {2}", r.name, r.bundle, r.reason));
        table = next;
    }

    @Override
    public List<T2IParam<?>> params() {
        return table.params();
    }

    @Override
    public Optional<T2IParam<?>> find(String idOrName) {
        return Optional.ofNullable(table.find(idOrName));
    }

    @Override
    public T2IRequest parse(Session session, Map<String, Object> raw) {
        return parse(session.user(), raw);
    }

    /**
     * @param user the user the request runs for
     * @param raw the request body
     * @return the parsed request
     */
    public T2IRequestImpl parse(User user, Map<String, Object> raw) {
        UserMedia m = media;
        return new RequestParser(table, new ValueCoercer(models, m == null ? UserMedia.NONE : m), presets,
                new PromptWildcards(models::fillWildcards)).parse(user, raw);
    }

    @Override
    public List<T2IParamRefusal> refusals() {
        return table.refusals();
    }
}
