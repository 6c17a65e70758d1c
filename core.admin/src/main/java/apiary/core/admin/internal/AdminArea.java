package apiary.core.admin.internal;

/** The API area names and descriptions of this bundle's routes, shared by its route classes. */
public final class AdminArea {
    /** SwarmUI's AdminAPI area. */
    public static final String NAME = "AdminAPI";
    /** SwarmUI's description of the area. */
    public static final String DESCRIPTION = "Administrative APIs related to server management.";

    /** Apiary's own administrative routes, kept out of SwarmUI's area so its generated docs match SwarmUI's. */
    public static final String APIARY_NAME = "ApiaryAdminAPI";
    /** Description of {@link #APIARY_NAME}. */
    public static final String APIARY_DESCRIPTION = "Apiary's own administrative APIs (not part of SwarmUI).";

    private AdminArea() {
    }
}
