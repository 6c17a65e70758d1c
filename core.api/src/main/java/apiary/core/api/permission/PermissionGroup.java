package apiary.core.api.permission;

import java.util.Objects;

/**
 * A named group of permissions for display ({@code Admin}, {@code User}, {@code Backends Admin}...). Groups are
 * equal when their names are equal.
 */
public final class PermissionGroup {
    /** SwarmUI's special, not-to-be-granted group. */
    public static final PermissionGroup SPECIAL = new PermissionGroup("Special", "Special permissions that are not meant to be granted to users.");
    /** Server administration. */
    public static final PermissionGroup ADMIN = new PermissionGroup("Admin", "Dangerous admin-level permissions.");
    /** Backend administration. */
    public static final PermissionGroup BACKENDS_ADMIN = new PermissionGroup("Backends Admin", "Permissions to manage backends.");
    /** Server-side controls (models, memory, tools). */
    public static final PermissionGroup CONTROL = new PermissionGroup("Control", "Permissions to control the server's behavior and models.");
    /** Generation parameters. */
    public static final PermissionGroup PARAMETERS = new PermissionGroup("Parameters", "Permissions to use certain generation parameters.");
    /** Everyday user features. */
    public static final PermissionGroup USER = new PermissionGroup("User", "Permissions for regular users.");

    private final String name;
    private final String description;

    /**
     * @param name the display name, also the identity of the group
     * @param description one line for the admin UI
     */
    public PermissionGroup(String name, String description) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
    }

    /** @return the display name */
    public String name() {
        return name;
    }

    /** @return the description */
    public String description() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermissionGroup && ((PermissionGroup) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
