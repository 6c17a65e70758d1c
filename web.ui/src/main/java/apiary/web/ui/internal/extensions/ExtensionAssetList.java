package apiary.web.ui.internal.extensions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import apiary.core.api.json.Json;
import apiary.core.api.route.CallContext;
import apiary.core.api.web.WebFile;
import apiary.core.api.web.WebFileProvider;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;

/**
 * {@code GET /ExtensionAssets}: the scripts and stylesheets of the active extensions, as
 * {@code {"extensions":[{"extension","scripts":[url],"styles":[url]}]}}. Every page (main, login, first-run) loads
 * them through {@code js/extensions-loader.js}, after the session is open where it has one (an extension's script
 * may read {@code window.session_id}); the main page asks again after an extension is installed or removed, so
 * assets appear and vanish without a restart.
 */
@Component(property = WebFileProvider.PREFIX + "=/ExtensionAssets")
public final class ExtensionAssetList implements WebFileProvider {
    private final Json json;
    private final BundleTracker<ExtensionAssets> tracker;

    /**
     * @param context this bundle's context
     * @param json JSON writing
     */
    @Activate
    public ExtensionAssetList(BundleContext context, @Reference Json json) {
        this.json = json;
        this.tracker = new BundleTracker<>(context, Bundle.ACTIVE, null) {
            @Override
            public ExtensionAssets addingBundle(Bundle bundle, BundleEvent event) {
                return ExtensionAssets.of(bundle);
            }
        };
        tracker.open();
    }

    @Deactivate
    void close() {
        tracker.close();
    }

    @Override
    public WebFile serve(String path, Map<String, String> query, CallContext context) {
        List<ExtensionAssets> all = new ArrayList<>(tracker.getTracked().values());
        all.sort(Comparator.comparing(ExtensionAssets::extension));
        List<Object> out = new ArrayList<>();
        for (ExtensionAssets a : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("extension", a.extension());
            m.put("scripts", a.scripts());
            m.put("styles", a.styles());
            out.add(m);
        }
        return WebFile.of("application/json", json.write(Map.of("extensions", out)).getBytes(StandardCharsets.UTF_8), 0);
    }
}
