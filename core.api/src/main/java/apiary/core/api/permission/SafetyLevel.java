package apiary.core.api.permission;

/** How dangerous granting a permission is, as SwarmUI's admin UI warns (SwarmUI's {@code PermSafetyLevel}). */
public enum SafetyLevel {
    /** Grants control over the server or other users. */
    POWERFUL,
    /** May be abused. */
    RISKY,
    /** Not yet reviewed; the default. */
    UNTESTED,
    /** Safe for anyone. */
    SAFE
}
