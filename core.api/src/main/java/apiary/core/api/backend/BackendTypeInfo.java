package apiary.core.api.backend;

import java.util.List;
import java.util.Objects;

import apiary.core.api.settings.SettingDef;

/**
 * What a {@link BackendType} is: id, display name, description, settings schema and two flags, as SwarmUI's
 * {@code ListBackendTypes} shows it. Immutable; create with {@link #of} and refine with the {@code as...}/{@code with...}
 * methods:
 *
 * <pre>{@code
 * BackendTypeInfo.of("comfyui_api", "ComfyUI API By URL", "A backend powered by a pre-existing ComfyUI instance.",
 *         List.of(SettingDef.text("Address", "", "The address of the ComfyUI instance."),
 *                 SettingDef.integer("OverQueue", 1, "How many extra requests to queue.")))
 *     .withFastLoad();
 * }</pre>
 *
 * The settings are leaves or groups of {@link SettingDef}; a backend's settings are stored by each node's
 * {@link SettingDef#name() name} (SwarmUI's C# field names, e.g. {@code Address}), groups as nested objects.
 */
public final class BackendTypeInfo {
    private final String id;
    private final String name;
    private final String description;
    private final List<SettingDef> settings;
    private final boolean standard;
    private final boolean fastLoad;

    private BackendTypeInfo(String id, String name, String description, List<SettingDef> settings, boolean standard,
            boolean fastLoad) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("A backend type id must not be blank");
        }
        this.name = Objects.requireNonNull(name, "name");
        this.description = description == null ? "" : description;
        this.settings = List.copyOf(settings);
        this.standard = standard;
        this.fastLoad = fastLoad;
    }

    /**
     * Creates a type that is neither standard nor fast-loading.
     *
     * @param id the unique type id, e.g. {@code comfyui_selfstart}
     * @param name the display name
     * @param description what the type connects to
     * @param settings the settings schema, in display order
     * @return the type description
     */
    public static BackendTypeInfo of(String id, String name, String description, List<SettingDef> settings) {
        return new BackendTypeInfo(id, name, description, settings, false, false);
    }

    /** @return a copy marked as a standard type (offered first by the UI; SwarmUI's {@code is_standard}) */
    public BackendTypeInfo asStandard() {
        return new BackendTypeInfo(id, name, description, settings, true, fastLoad);
    }

    /**
     * @return a copy whose instances initialise at once on their own thread instead of one at a time through the
     *         shared init queue (SwarmUI's {@code CanLoadFast}); right for types that only connect to something
     */
    public BackendTypeInfo withFastLoad() {
        return new BackendTypeInfo(id, name, description, settings, standard, true);
    }

    /** @return the unique type id */
    public String id() { return id; }
    /** @return the display name */
    public String name() { return name; }
    /** @return the description */
    public String description() { return description; }
    /** @return the settings schema */
    public List<SettingDef> settings() { return settings; }
    /** @return whether this is a standard type */
    public boolean standard() { return standard; }
    /** @return whether instances may initialise outside the shared init queue */
    public boolean fastLoad() { return fastLoad; }

    @Override
    public String toString() {
        return id;
    }
}
