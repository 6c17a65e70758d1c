package apiary.core.server.internal.web;

import java.lang.System.Logger.Level;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import apiary.core.api.extension.ExtensionHeaders;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The web assets of extensions: follows active bundles that declare both an {@code apiary.extension} capability
 * and the {@value ExtensionHeaders#EXTENSION_FILES} header, and finds their files by extension name. A bundle's
 * files are served exactly while it is active.
 */
public final class ExtensionFiles {
    private static final System.Logger LOG = System.getLogger(ExtensionFiles.class.getName());

    /** Where one extension's files live. */
    private static final class Source {
        final Bundle bundle;
        final String folder;

        Source(Bundle bundle, String folder) {
            this.bundle = bundle;
            this.folder = folder;
        }
    }

    private final Map<String, Source> byExtension = new ConcurrentHashMap<>();
    private final BundleContext context;
    // Synchronous, so that a stopping bundle's files are gone before its class loader is.
    private final SynchronousBundleListener listener = this::bundleChanged;

    /** @param context the core bundle's context */
    public ExtensionFiles(BundleContext context) {
        this.context = context;
    }

    /** Starts following bundles. */
    public void open() {
        context.addBundleListener(listener);
        for (Bundle b : context.getBundles()) {
            if (b.getState() == Bundle.ACTIVE) {
                add(b);
            }
        }
    }

    /** Stops following bundles. */
    public void close() {
        context.removeBundleListener(listener);
        byExtension.clear();
    }

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (event.getType() == BundleEvent.STARTED) {
            add(bundle);
        } else if (event.getType() == BundleEvent.STOPPING || event.getType() == BundleEvent.UNINSTALLED) {
            byExtension.values().removeIf(s -> s.bundle.equals(bundle));
        }
    }

    private void add(Bundle bundle) {
        String header = bundle.getHeaders("").get(ExtensionHeaders.EXTENSION_FILES);
        if (header == null || header.isBlank()) {
            return;
        }
        String name = extensionName(bundle);
        if (name == null) {
            LOG.log(Level.WARNING, "Bundle {0} declares {1} but no {2} capability naming the extension; its files are not served",
                    bundle.getSymbolicName(), ExtensionHeaders.EXTENSION_FILES, ExtensionHeaders.EXTENSION_NAMESPACE);
            return;
        }
        String folder = header.trim().replaceAll("^/+|/+$", "");
        Source previous = byExtension.putIfAbsent(name, new Source(bundle, folder));
        if (previous != null && !previous.bundle.equals(bundle)) {
            LOG.log(Level.WARNING, "Extension {0} files of bundle {1} are not served: bundle {2} already serves them",
                    name, bundle.getSymbolicName(), previous.bundle.getSymbolicName());
        }
    }

    private static String extensionName(Bundle bundle) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return null;
        }
        for (BundleCapability c : revision.getDeclaredCapabilities(ExtensionHeaders.EXTENSION_NAMESPACE)) {
            Object name = c.getAttributes().get(ExtensionHeaders.EXTENSION_NAMESPACE);
            if (name != null && !String.valueOf(name).isBlank()) {
                return String.valueOf(name);
            }
        }
        return null;
    }

    /**
     * @param extension the extension name, exactly as declared
     * @param relativePath a path already checked to stay inside the folder ({@code css/site.css})
     * @return the file inside the extension's folder, if the extension is active and has it
     */
    public Optional<URL> find(String extension, String relativePath) {
        Source s = byExtension.get(extension);
        if (s == null || s.bundle.getState() != Bundle.ACTIVE) {
            return Optional.empty();
        }
        URL entry = s.bundle.getEntry(s.folder.isEmpty() ? relativePath : s.folder + "/" + relativePath);
        return Optional.ofNullable(entry).filter(u -> !u.getPath().endsWith("/"));
    }
}
