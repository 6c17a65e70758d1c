package apiary.core.admin.internal.extensions.repository;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.SettingDef;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The server setting {@code extensions.repositories}: the repository index URLs extensions and updates come from.
 * Its default is the index shipped with the distribution, which the launcher names in the framework property
 * {@value #DEFAULT_INDEX_PROPERTY}. {@link RepositorySettingsContributor} declares it; this reads it, by its own
 * definition, so the value is right even before the store has bound the contributor.
 */
@Component(service = RepositorySettings.class)
public final class RepositorySettings {
    /** Framework property: URL of the repository index shipped with the distribution (several: comma-separated). */
    public static final String DEFAULT_INDEX_PROPERTY = "apiary.extensions.index";
    /** The setting's dotted id. */
    public static final String SETTING = "extensions.repositories";

    private final SettingDef definition;
    private final ServerSettings settings;

    /**
     * @param context gives the default index URL
     * @param settings the settings store
     */
    @Activate
    public RepositorySettings(BundleContext context, @Reference ServerSettings settings) {
        this.definition = repositories(shippedIndexes(context));
        this.settings = settings;
    }

    /** @return the configured index URLs */
    public List<String> urls() {
        List<String> out = new ArrayList<>();
        Object v = settings.get(SETTING, definition);
        if (v instanceof List) {
            ((List<?>) v).forEach(u -> out.add(String.valueOf(u)));
        }
        return out;
    }

    /** @return the repository index URLs shipped with the distribution */
    static List<String> shippedIndexes(BundleContext context) {
        String shipped = context.getProperty(DEFAULT_INDEX_PROPERTY);
        List<String> urls = new ArrayList<>();
        for (String url : shipped == null ? new String[0] : shipped.split(",")) {
            if (!url.isBlank()) {
                urls.add(url.trim());
            }
        }
        return List.copyOf(urls);
    }

    /** @return the leaf definition, with the given default */
    static SettingDef repositories(List<String> defaults) {
        return SettingDef.list("Repositories", defaults, "URLs (file:, http: or https:) of OSGi repository indexes "
                + "(index.xml) that list the extensions you can install and the updates of the server's bundles. "
                + "Earlier entries win when two list the same bundle version.");
    }
}
