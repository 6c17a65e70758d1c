package apiary.core.api.route.dto;

/** One JSON parameter of a route. */
public class ParamDTO {
    /** The exact JSON key. */
    public String name;
    /** SwarmUI's type name: {@code String}, {@code Int32}, {@code Int64}, {@code Boolean}, {@code Double}, {@code Single}, {@code String[]} or {@code JObject}. */
    public String type;
    /** What the parameter means. */
    public String description;
    /** The default as SwarmUI's docs print it: {@code (REQUIRED)}, {@code (null)}, {@code False}, {@code -1}... */
    public String defaultText;
    /** Whether the parameter must be sent. */
    public boolean required;
}
