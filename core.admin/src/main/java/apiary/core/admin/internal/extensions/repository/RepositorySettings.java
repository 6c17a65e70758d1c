package apiary.core.admin.internal.extensions.repository;

import java.util.ArrayList;
import java.util.List;

import apiary.core.api.settings.ServerSettings;
import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The server setting {@code extensions.repositories}: the repository index URLs extensions and updates come from.
 * Its default is the index shipped with the distribution, which the launcher names in the framework property
 * {@value #DEFAULT_INDEX_PROPERTY}.
 */
@Component(service = {ServerSettingsContributor.class, RepositorySettings.class},
        property = ServerSettingsContributor.ORDER + ":Integer=900")
public final class RepositorySettings implements ServerSettingsContributor {
    /** Framework property: URL of the repository index shipped with the distribution (several: comma-separated). */
    public static final String DEFAULT_INDEX_PROPERTY = "apiary.extensions.index";
    /** The setting's dotted id. */
    public static final String SETTING = "extensions.repositories";

    private final List<String> defaults;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ServerSettings settings;

    /** @param context gives the default index URL */
    @Activate
    public RepositorySettings(BundleContext context) {
        String shipped = context.getProperty(DEFAULT_INDEX_PROPERTY);
        List<String> urls = new ArrayList<>();
        for (String url : shipped == null ? new String[0] : shipped.split(",")) {
            if (!url.isBlank()) {
                urls.add(url.trim());
            }
        }
        this.defaults = List.copyOf(urls);
    }

    @Override
    public List<SettingDef> settings() {
        return List.of(SettingDef.group("Extensions", "Where extensions are installed and updated from.",
                SettingDef.list("Repositories", defaults, "URLs (file:, http: or https:) of OSGi repository indexes "
                        + "(index.xml) that list the extensions you can install and the updates of the server's bundles. "
                        + "Earlier entries win when two list the same bundle version.")));
    }

    /** @return the configured index URLs, or the shipped index while no settings service runs */
    public List<String> urls() {
        ServerSettings s = settings;
        if (s != null) {
            try {
                Object v = s.get(SETTING);
                if (v instanceof List) {
                    List<String> out = new ArrayList<>();
                    ((List<?>) v).forEach(u -> out.add(String.valueOf(u)));
                    return out;
                }
            } catch (IllegalArgumentException e) {
                // Our contributor is not merged into the tree yet: fall back to the default.
            }
        }
        return defaults;
    }
}
