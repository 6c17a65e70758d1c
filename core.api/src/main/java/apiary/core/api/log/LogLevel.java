package apiary.core.api.log;

/**
 * SwarmUI's log levels, lowest first, with their display colours. Bundles log through {@link System.Logger} (or
 * {@code java.util.logging}); the server maps TRACE to {@link #VERBOSE}, DEBUG to {@link #DEBUG}, INFO to
 * {@link #INFO}, WARNING to {@link #WARNING} and ERROR to {@link #ERROR}. {@link #INIT} is written with
 * {@link ServerLog#log}.
 */
public enum LogLevel {
    /** Very detailed tracing. */
    VERBOSE("Verbose", "#606060"),
    /** Debugging detail. */
    DEBUG("Debug", "#808080"),
    /** Normal information. */
    INFO("Info", "#00FFFF"),
    /** Start-up progress. */
    INIT("Init", "#00FF00"),
    /** Something is wrong but the server carries on. */
    WARNING("Warning", "#FFFF00"),
    /** Something failed. */
    ERROR("Error", "#FF0000");

    private final String displayName;
    private final String color;

    LogLevel(String displayName, String color) {
        this.displayName = displayName;
        this.color = color;
    }

    /** @return the type name used by the log routes, e.g. {@code Info} (case-sensitive) */
    public String displayName() {
        return displayName;
    }

    /** @return the colour as {@code #RRGGBB} */
    public String color() {
        return color;
    }
}
