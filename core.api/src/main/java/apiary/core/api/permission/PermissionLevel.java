package apiary.core.api.permission;

/**
 * Which built-in roles receive a permission by default (SwarmUI's {@code PermissionDefault}). Each level includes
 * the roles of the levels before it: {@link #NOBODY} goes to {@code owner} only, {@link #ADMINS} adds
 * {@code admin}, {@link #POWERUSERS} adds {@code poweruser}, {@link #USER} adds {@code user} and {@link #GUEST}
 * adds {@code guest}. The grant happens once, when the permission is first seen; admins may change it afterwards.
 */
public enum PermissionLevel {
    /** Owner only. */
    NOBODY,
    /** Owner and admin. */
    ADMINS,
    /** Owner, admin and poweruser. */
    POWERUSERS,
    /** Every built-in role except guest. */
    USER,
    /** Every built-in role. */
    GUEST
}
