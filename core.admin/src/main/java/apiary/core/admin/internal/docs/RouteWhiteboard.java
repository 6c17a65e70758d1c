package apiary.core.admin.internal.docs;

import apiary.core.api.route.RouteProvider;
import apiary.core.api.route.dto.FailedRouteDTO;
import apiary.core.api.route.dto.RouteDTO;
import apiary.core.api.route.dto.RouteRuntimeDTO;
import apiary.core.api.runtime.dto.RegistrationDTO;
import apiary.core.api.runtime.dto.WhiteboardDTO;

/** The route registry's own view ({@code AdminListRoutes} shows it in full) in the shape of the other whiteboards. */
final class RouteWhiteboard {
    static final String NAME = "routes";

    private RouteWhiteboard() {
    }

    static WhiteboardDTO of(RouteRuntimeDTO routes) {
        WhiteboardDTO dto = new WhiteboardDTO();
        dto.name = NAME;
        dto.service = RouteProvider.class.getName();
        for (RouteDTO r : routes.routes) {
            RegistrationDTO e = registration(r.name, r.serviceId, r.bundleSymbolicName, r.bundleId, r.handlerClass, r.handlerMethod);
            e.ranking = r.ranking;
            dto.active.add(e);
        }
        for (FailedRouteDTO f : routes.failed) {
            RegistrationDTO e = registration(f.name, f.serviceId, f.bundleSymbolicName, f.bundleId, f.handlerClass, f.handlerMethod);
            e.reason = f.reason + ": " + f.detail;
            (FailedRouteDTO.SHADOWED.equals(f.reason) ? dto.shadowed : dto.refused).add(e);
        }
        return dto;
    }

    private static RegistrationDTO registration(String name, long serviceId, String bundle, long bundleId,
            String handlerClass, String handlerMethod) {
        RegistrationDTO e = new RegistrationDTO();
        e.key = name;
        e.name = name;
        e.serviceId = serviceId;
        e.bundle = bundle;
        e.bundleId = bundleId;
        e.implementation = RouteRuntimeRoutes.handler(handlerClass, handlerMethod);
        return e;
    }
}
