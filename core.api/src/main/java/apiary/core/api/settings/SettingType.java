package apiary.core.api.settings;

/**
 * The node types of a settings tree, with the names SwarmUI's clients expect in the {@code type} field. Each type
 * fixes the Java type of its values: text and dropdown hold {@code String}, integer {@code Long}, decimal
 * {@code Double}, boolean {@code Boolean}, list {@code List<String>}; a group holds child nodes.
 */
public enum SettingType {
    /** Free text. */
    TEXT("text"),
    /** A whole number. */
    INTEGER("integer"),
    /** A decimal number. */
    DECIMAL("decimal"),
    /** A checkbox. */
    BOOLEAN("boolean"),
    /** One of a list of values (SwarmUI: any field with options). */
    DROPDOWN("dropdown"),
    /** A list of strings, shown joined with {@code " || "}. */
    LIST("list"),
    /** A nested group of settings. */
    GROUP("group");

    private final String wireName;

    SettingType(String wireName) {
        this.wireName = wireName;
    }

    /** @return the name sent in the {@code type} field */
    public String wireName() {
        return wireName;
    }
}
