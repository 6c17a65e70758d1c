package apiary.core.api.route.dto;

/** A route registration that is not being served, and why. */
public class FailedRouteDTO {
    /** The route's permission id is not declared by any active {@code PermissionProvider}. */
    public static final String UNKNOWN_PERMISSION = "UNKNOWN_PERMISSION";
    /** Another service with a higher ranking (or, on a tie, a lower service id) serves the same name. */
    public static final String SHADOWED = "SHADOWED";
    /** The method cannot be bound: unsupported parameter type, missing name, not public, bad name... */
    public static final String INVALID_SIGNATURE = "INVALID_SIGNATURE";

    /** The route name as declared, or the method name when the declaration itself is broken. */
    public String name;
    /** The API area. */
    public String area;
    /** One of {@link #UNKNOWN_PERMISSION}, {@link #SHADOWED}, {@link #INVALID_SIGNATURE}. */
    public String reason;
    /** A readable explanation, e.g. the unknown permission id or the winning bundle. */
    public String detail;
    /** The bundle that registered it. */
    public String bundleSymbolicName;
    /** The id of the bundle that registered it. */
    public long bundleId;
    /** The service id of the providing service. */
    public long serviceId;
    /** The fully qualified class that declares the method, or {@code null} when unknown. */
    public String handlerClass;
    /** The name of the Java method, or {@code null} when unknown. */
    public String handlerMethod;
}
