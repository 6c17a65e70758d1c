package apiary.core.api.log;

/** One log ring buffer: a built-in level or a tracker such as a backend's console ({@code ComfyUI-0}). */
public class LogType {
    /** The case-sensitive name, e.g. {@code Info} or {@code ComfyUI-0}. */
    public String name;
    /** Display colour as {@code #RRGGBB}. */
    public String color;
    /** Stable identifier; empty for the built-in levels. */
    public String identifier;

    /** Creates an empty type (for frameworks that fill the fields). */
    public LogType() {
    }

    /**
     * @param name the name
     * @param color the colour
     * @param identifier the identifier
     */
    public LogType(String name, String color, String identifier) {
        this.name = name;
        this.color = color;
        this.identifier = identifier;
    }
}
