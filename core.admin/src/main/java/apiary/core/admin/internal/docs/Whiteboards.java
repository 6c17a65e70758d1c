package apiary.core.admin.internal.docs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import apiary.core.api.route.RouteRuntime;
import apiary.core.api.runtime.WhiteboardRuntime;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;
import apiary.core.api.t2i.T2IParamRegistry;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Collects the runtime view of every whiteboard when a route runs: the registries that offer a
 * {@link WhiteboardRuntime}, plus the route and T2I parameter registries through their own views. Read at call time,
 * not held: the registries bind route providers like this one, so a reference back would be a service cycle.
 */
final class Whiteboards {
    private final BundleContext context;

    Whiteboards(BundleContext context) {
        this.context = context;
    }

    /** @return every whiteboard by name; a registry that is not running is missing */
    Map<String, WhiteboardDTO> snapshot() {
        Map<String, WhiteboardDTO> out = new TreeMap<>();
        for (ServiceReference<WhiteboardRuntime> ref : references(WhiteboardRuntime.class)) {
            WhiteboardDTO dto = call(ref, WhiteboardRuntime::snapshot);
            if (dto != null) {
                out.put(dto.name, dto);
            }
        }
        for (ServiceReference<RouteRuntime> ref : references(RouteRuntime.class)) {
            WhiteboardDTO dto = call(ref, r -> RouteWhiteboard.of(r.snapshot()));
            if (dto != null) {
                out.put(dto.name, dto);
            }
        }
        for (ServiceReference<T2IParamRegistry> ref : references(T2IParamRegistry.class)) {
            WhiteboardDTO dto = call(ref, ParamWhiteboard::of);
            if (dto != null) {
                out.put(dto.name, dto);
            }
        }
        out.values().forEach(this::complete);
        return out;
    }

    /** Fills in who registered each service, from the service registry, where the registry only gave its id. */
    private void complete(WhiteboardDTO dto) {
        for (List<RegistrationDTO> list : List.of(dto.active, dto.shadowed, dto.refused)) {
            for (RegistrationDTO r : list) {
                if (r.serviceId < 0 || r.bundle != null) {
                    continue;
                }
                ServiceReference<?> ref = byId(r.serviceId);
                if (ref != null) {
                    Bundle b = ref.getBundle();
                    r.bundle = b == null ? null : b.getSymbolicName();
                    r.bundleId = b == null ? -1 : b.getBundleId();
                    Object ranking = ref.getProperty(Constants.SERVICE_RANKING);
                    r.ranking = ranking instanceof Integer ? (Integer) ranking : 0;
                }
            }
        }
    }

    private ServiceReference<?> byId(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(null, "(" + Constants.SERVICE_ID + "=" + serviceId + ")");
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <S> Collection<ServiceReference<S>> references(Class<S> type) {
        try {
            return new ArrayList<>(context.getServiceReferences(type, null));
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private <S> WhiteboardDTO call(ServiceReference<S> ref, Function<S, WhiteboardDTO> read) {
        S service = context.getService(ref);
        if (service == null) {
            return null;
        }
        try {
            return read.apply(service);
        } finally {
            context.ungetService(ref);
        }
    }

    /** @return one registration as the admin route shows it */
    static Map<String, Object> row(RegistrationDTO r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", r.key);
        e.put("name", r.name);
        e.put("bundle", r.bundle);
        e.put("bundle_id", r.bundleId);
        e.put("service_id", r.serviceId);
        e.put("ranking", r.ranking);
        e.put("implementation", r.implementation);
        if (r.reason != null) {
            e.put("reason", r.reason);
        }
        return e;
    }
}
