package apiary.core.admin.internal;

/** The API area names and descriptions of this bundle's routes, shared by its route classes. */
public final class AdminArea {
    /** SwarmUI's AdminAPI area. */
    public static final String NAME = "AdminAPI";
    /** SwarmUI's description of the area. */
    public static final String DESCRIPTION = "Administrative APIs related to server management.";

    private AdminArea() {
    }
}
