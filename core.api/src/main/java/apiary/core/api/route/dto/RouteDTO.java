package apiary.core.api.route.dto;

import java.util.ArrayList;
import java.util.List;

/** One served route and its metadata, as read from its {@code @Route} annotation. */
public class RouteDTO {
    /** The route name as declared (case preserved). */
    public String name;
    /** The API area, e.g. {@code BasicAPIFeatures}. */
    public String area;
    /** The area's one-line description. */
    public String areaDescription;
    /** The required permission id; empty for sessionless routes. */
    public String permission;
    /** Display name of the permission, empty for sessionless routes. */
    public String permissionName;
    /** Display name of the permission's group, empty for sessionless routes. */
    public String permissionGroup;
    /** What the route does. */
    public String description;
    /** The documented return format. */
    public String returns;
    /** Whether the route is marked non-final. */
    public boolean nonFinal;
    /** Whether the route is a WebSocket route. */
    public boolean webSocket;
    /** Whether calls refresh the caller's last-used time. */
    public boolean userUpdate;
    /** Whether the route is callable without a session. */
    public boolean sessionless;
    /** The largest request the route accepts, in bytes (before the server-wide cap). */
    public long maxRequestBytes;
    /** The JSON parameters in declaration order. */
    public List<ParamDTO> params = new ArrayList<>();
    /** The bundle that registered the route. */
    public String bundleSymbolicName;
    /** The id of the bundle that registered the route. */
    public long bundleId;
    /** The service id of the providing service. */
    public long serviceId;
    /** The service ranking of the providing service. */
    public int ranking;
    /** The fully qualified class that declares the route's method, so a reader finds its code in one step. */
    public String handlerClass;
    /** The name of the Java method that handles the route. */
    public String handlerMethod;
}
