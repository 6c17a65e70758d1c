package apiary.core.server.internal.route;

/**
 * How one Java parameter of a route method gets its value: injected by type, the whole body, or a JSON key with a
 * type and a default.
 */
public final class ParamBinding {
    /** Where the value comes from. */
    public enum Kind { SESSION, CONTEXT, CHANNEL, BODY, VALUE }

    final Kind kind;
    final String name;
    final ParamType type;
    final Class<?> javaType;
    final String description;
    /** The default as SwarmUI's docs print it. */
    final String defaultText;
    final boolean required;
    /** The parsed default (for {@link Kind#VALUE}), null for required or {@code (null)} defaults. */
    final Object defaultValue;

    private ParamBinding(Kind kind, String name, ParamType type, Class<?> javaType, String description,
            String defaultText, boolean required, Object defaultValue) {
        this.kind = kind;
        this.name = name;
        this.type = type;
        this.javaType = javaType;
        this.description = description;
        this.defaultText = defaultText;
        this.required = required;
        this.defaultValue = defaultValue;
    }

    static ParamBinding injected(Kind kind, Class<?> javaType) {
        return new ParamBinding(kind, null, null, javaType, "", "", false, null);
    }

    static ParamBinding body(String name, String description) {
        return new ParamBinding(Kind.BODY, name, ParamType.JOBJECT, java.util.Map.class, description, "(REQUIRED)", true, null);
    }

    static ParamBinding value(String name, ParamType type, Class<?> javaType, String description,
            String defaultText, boolean required, Object defaultValue) {
        return new ParamBinding(Kind.VALUE, name, type, javaType, description, defaultText, required, defaultValue);
    }

    boolean isJson() {
        return kind == Kind.BODY || kind == Kind.VALUE;
    }

    /** @return where the value comes from */
    public Kind kind() {
        return kind;
    }

    /** @return the JSON key */
    public String name() {
        return name;
    }

    /** @return the JSON type */
    public ParamType type() {
        return type;
    }

    /** @return whether the key must be present */
    public boolean required() {
        return required;
    }

    /** @return the value to use when the key is absent (may be null) */
    public Object defaultValue() {
        return defaultValue == null ? ParamType.zeroOf(javaType) : defaultValue;
    }
}
