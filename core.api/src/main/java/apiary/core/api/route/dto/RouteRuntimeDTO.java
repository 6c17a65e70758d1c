package apiary.core.api.route.dto;

import java.util.ArrayList;
import java.util.List;

/** A snapshot of the route table: the routes being served, and the registrations that are not. */
public class RouteRuntimeDTO {
    /** Routes currently dispatched, sorted by area, then name. */
    public List<RouteDTO> routes = new ArrayList<>();

    /** Refused or shadowed registrations, with their reasons. */
    public List<FailedRouteDTO> failed = new ArrayList<>();
}
