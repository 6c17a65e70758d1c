package apiary.core.admin.internal.settings;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.function.Supplier;

import apiary.core.api.settings.ServerSettingsContributor;
import apiary.core.api.settings.SettingDef;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Declares administration's server settings, one contributor per section so that each takes SwarmUI's place in
 * the tree: paths 100, metadata 200, network 300, maintenance 400, defaultuser 500, backends 600, top-level
 * values 700, userauthorization 800, logs 900, ui 1000, webhooks 1100, performance 1200.
 */
@Component(immediate = true)
public final class AdminSettings {
    private final List<ServiceRegistration<ServerSettingsContributor>> registrations = new ArrayList<>();

    /** @param context this bundle's context */
    @Activate
    public AdminSettings(BundleContext context) {
        register(context, 200, AdminSettingsDefinitions::metadata);
        register(context, 400, AdminSettingsDefinitions::maintenance);
        register(context, 700, AdminSettingsDefinitions::topLevel);
        register(context, 1000, AdminSettingsDefinitions::ui);
        register(context, 1100, AdminSettingsDefinitions::webhooks);
        register(context, 1200, AdminSettingsDefinitions::performance);
    }

    @Deactivate
    void deactivate() {
        for (ServiceRegistration<ServerSettingsContributor> r : registrations) {
            r.unregister();
        }
        registrations.clear();
    }

    private void register(BundleContext context, int order, Supplier<List<SettingDef>> nodes) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(ServerSettingsContributor.ORDER, order);
        List<SettingDef> defs = nodes.get();
        registrations.add(context.registerService(ServerSettingsContributor.class, () -> defs, props));
    }
}
