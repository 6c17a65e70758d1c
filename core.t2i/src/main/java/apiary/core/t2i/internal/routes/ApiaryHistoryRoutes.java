package apiary.core.t2i.internal.routes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.permission.CorePermissions;
import apiary.core.api.route.Param;
import apiary.core.api.route.Route;
import apiary.core.api.route.RouteArea;
import apiary.core.api.route.RouteProvider;
import apiary.core.api.session.Session;
import apiary.core.api.t2i.T2IParamRefusal;
import apiary.core.api.t2i.T2IParamRegistry;
import apiary.core.t2i.internal.history.HistoryListing;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Apiary's additions: the image history in pages of any size with a cursor (SwarmUI stops at 1,000 shown and
 * 10,000 scanned, SwarmUI #1426), and the runtime view of refused and shadowed T2I parameters.
 */
@Component(service = RouteProvider.class)
@RouteArea(value = T2IArea.APIARY_NAME, description = T2IArea.APIARY_DESCRIPTION)
public final class ApiaryHistoryRoutes implements RouteProvider {
    private final HistoryListing listing;
    private final T2IParamRegistry registry;

    /**
     * @param listing history listings
     * @param registry the parameter registry
     */
    @Activate
    public ApiaryHistoryRoutes(@Reference HistoryListing listing, @Reference T2IParamRegistry registry) {
        this.listing = listing;
        this.registry = registry;
    }

    /** @return one page */
    @Route(permission = "view_image_history",
            description = "One page of the image history, any size of history; pass the returned next_cursor to get the next page.",
            returns = "\"files\": [ { \"src\": \"raw/2025-01-02/0304001-a cat.png\", \"metadata\": \"...\" } ],\n"
                    + "\"next_cursor\": \"...\" (null on the last page),\n\"total\": 12345")
    public Map<String, Object> ListImageHistory(Session session,
            @Param(defaultValue = "", description = "The folder to list, empty for the whole history.") String path,
            @Param(defaultValue = "64", description = "How many folder levels below the path to include.") int depth,
            @Param(defaultValue = "Date", description = "`Date` (newest first) or `Name` (descending).") String sortBy,
            @Param(defaultValue = "False", description = "If true, the order is reversed.") boolean sortReverse,
            @Param(defaultValue = "", description = "The next_cursor of the previous page; empty for the first page.") String cursor,
            @Param(defaultValue = "100", description = "Files per page, 1 to 1000.") int limit) {
        return listing.page(session.user(), path, depth, sortBy, sortReverse, cursor, limit);
    }

    /** @return the refusals */
    @Route(permission = CorePermissions.ADMIN_DEBUG,
            description = "Lists T2I parameter registrations that are not served: shadowed by a higher-ranked one, or refused, with the reason.",
            returns = "\"refused\": [ { \"id\": \"steps\", \"name\": \"Steps\", \"bundle\": \"my.ext\", \"shadowed\": true, \"reason\": \"...\" } ], \"served\": 120")
    public Map<String, Object> ListT2IParamRefusals(Session session) {
        List<Object> refused = new ArrayList<>();
        for (T2IParamRefusal r : registry.refusals()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id);
            m.put("name", r.name);
            m.put("bundle", r.bundle);
            m.put("shadowed", r.shadowed);
            m.put("reason", r.reason);
            refused.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("refused", refused);
        out.put("served", registry.params().size());
        return out;
    }
}
