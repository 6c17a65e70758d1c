package apiary.core.api.permission;

import java.util.Objects;

/**
 * One declared permission (SwarmUI's {@code PermInfo}): id, display name, description, default level, group,
 * safety level and an optional alternative safety text. Immutable; create with {@link #of} and refine with the
 * {@code with...} methods.
 *
 * <pre>{@code
 * PermissionInfo.of("hello_use", "Use Hello", "Call the Hello route.", PermissionLevel.USER, PermissionGroup.USER)
 *               .withSafety(SafetyLevel.SAFE);
 * }</pre>
 */
public final class PermissionInfo {
    private final String id;
    private final String displayName;
    private final String description;
    private final PermissionLevel defaultLevel;
    private final PermissionGroup group;
    private final SafetyLevel safety;
    private final String altSafetyText;

    private PermissionInfo(String id, String displayName, String description, PermissionLevel defaultLevel,
            PermissionGroup group, SafetyLevel safety, String altSafetyText) {
        this.id = Objects.requireNonNull(id, "id");
        this.displayName = Objects.requireNonNull(displayName, "displayName");
        this.description = description == null ? "" : description;
        this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel");
        this.group = Objects.requireNonNull(group, "group");
        this.safety = Objects.requireNonNull(safety, "safety");
        this.altSafetyText = altSafetyText;
    }

    /**
     * Creates a permission with safety level {@link SafetyLevel#UNTESTED}, SwarmUI's default.
     *
     * @param id the permission id, lowercase with underscores by convention
     * @param displayName the name shown to admins
     * @param description what it allows
     * @param defaultLevel which built-in roles get it by default
     * @param group the display group
     * @return the permission
     */
    public static PermissionInfo of(String id, String displayName, String description, PermissionLevel defaultLevel,
            PermissionGroup group) {
        return new PermissionInfo(id, displayName, description, defaultLevel, group, SafetyLevel.UNTESTED, null);
    }

    /**
     * @param level the safety level
     * @return a copy with that safety level
     */
    public PermissionInfo withSafety(SafetyLevel level) {
        return new PermissionInfo(id, displayName, description, defaultLevel, group, level, altSafetyText);
    }

    /**
     * @param text a note replacing the generic safety warning, or {@code null}
     * @return a copy with that text
     */
    public PermissionInfo withAltSafetyText(String text) {
        return new PermissionInfo(id, displayName, description, defaultLevel, group, safety, text);
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the display name */
    public String displayName() {
        return displayName;
    }

    /** @return the description */
    public String description() {
        return description;
    }

    /** @return the default level */
    public PermissionLevel defaultLevel() {
        return defaultLevel;
    }

    /** @return the group */
    public PermissionGroup group() {
        return group;
    }

    /** @return the safety level */
    public SafetyLevel safety() {
        return safety;
    }

    /** @return the alternative safety text, or {@code null} */
    public String altSafetyText() {
        return altSafetyText;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PermissionInfo)) {
            return false;
        }
        PermissionInfo p = (PermissionInfo) o;
        return id.equals(p.id) && displayName.equals(p.displayName) && description.equals(p.description)
                && defaultLevel == p.defaultLevel && group.equals(p.group) && safety == p.safety
                && Objects.equals(altSafetyText, p.altSafetyText);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
