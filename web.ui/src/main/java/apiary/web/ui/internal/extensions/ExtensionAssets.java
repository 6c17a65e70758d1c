package apiary.web.ui.internal.extensions;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import apiary.core.api.extension.ExtensionHeaders;

import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/**
 * The scripts and stylesheets one extension bundle serves under {@code /ExtensionFile/<extension>/}: every
 * {@code .js} and {@code .css} file in the folder its {@value ExtensionHeaders#EXTENSION_FILES} header names.
 *
 * @param extension the extension name (its {@code apiary.extension} capability)
 * @param scripts the script URLs, sorted
 * @param styles the stylesheet URLs, sorted
 */
record ExtensionAssets(String extension, List<String> scripts, List<String> styles) {
    static final String URL_PREFIX = "/ExtensionFile/";

    /** @return the bundle's assets, or null when it is not an extension with web files */
    static ExtensionAssets of(Bundle bundle) {
        Map<String, String> headers = asMap(bundle);
        String header = headers.get(ExtensionHeaders.EXTENSION_FILES);
        String name = extensionName(bundle);
        if (header == null || header.isBlank() || name == null) {
            return null;
        }
        String folder = header.trim().replaceAll("^/+|/+$", "");
        return new ExtensionAssets(name, files(bundle, folder, name, "*.js"), files(bundle, folder, name, "*.css"));
    }

    private static Map<String, String> asMap(Bundle bundle) {
        Map<String, String> out = new java.util.HashMap<>();
        var h = bundle.getHeaders("");
        for (Enumeration<String> keys = h.keys(); keys.hasMoreElements();) {
            String k = keys.nextElement();
            out.put(k, h.get(k));
        }
        return out;
    }

    private static List<String> files(Bundle bundle, String folder, String name, String pattern) {
        Enumeration<URL> found = bundle.findEntries(folder.isEmpty() ? "/" : folder, pattern, true);
        List<String> out = new ArrayList<>();
        for (URL u : found == null ? Collections.<URL>emptyList() : Collections.list(found)) {
            String path = u.getPath().replaceFirst("^/", "");
            String relative = folder.isEmpty() ? path : path.substring(folder.length() + 1);
            out.add(URL_PREFIX + encode(name) + "/" + encodePath(relative));
        }
        Collections.sort(out);
        return List.copyOf(out);
    }

    private static String encodePath(String relative) {
        List<String> parts = new ArrayList<>();
        for (String p : relative.split("/")) {
            parts.add(encode(p));
        }
        return String.join("/", parts);
    }

    private static String encode(String part) {
        return java.net.URLEncoder.encode(part, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
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
}
