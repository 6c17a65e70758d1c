package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import apiary.itest.Api;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Drives the extension routes as an admin, and knows the repository indexes the build writes: the shipped one and
 * the test fixtures (updates: hello 1.1.0; testing: broken, a tampered hello, promptstats without its library).
 */
final class ExtensionAdmin {
    private final Api api;
    private final String session;

    ExtensionAdmin(Api api) {
        this.api = api;
        this.session = api.newSession();
    }

    /** @return the URL of an index under ext-repo/index/target, e.g. {@code repository-updates} */
    static String index(String folder) {
        return Path.of(System.getProperty("apiary.itest.extRepo")).resolve(folder).resolve("index.xml").toUri().toString();
    }

    /** @return the installed bundle with that symbolic name, or {@code null} */
    static Bundle bundle(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    String session() {
        return session;
    }

    Api api() {
        return api;
    }

    Api.Reply call(String route, Map<String, ?> body) {
        return api.call(session, route, body);
    }

    Api.Reply install(String name) {
        return call("InstallExtension", Map.of("extensionName", name));
    }

    Api.Reply uninstall(String name) {
        return call("UninstallExtension", Map.of("extensionName", name));
    }

    Api.Reply update(String name) {
        return call("UpdateExtension", Map.of("extensionName", name));
    }

    void installOk(String name) {
        Api.Reply r = install(name);
        assertEquals(r.toString(), Map.of("success", true), r.json);
    }

    void uninstallOk(String name) {
        Api.Reply r = uninstall(name);
        assertEquals(r.toString(), Map.of("success", true), r.json);
    }

    Map<String, Object> list() {
        Api.Reply r = call("ListExtensions", Map.of());
        assertEquals(r.toString(), 200, r.status);
        return r.json;
    }

    /** @return the row of an extension in one of ListExtensions' lists */
    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> row(String list, String name) {
        for (Object o : (List<Object>) list().get(list)) {
            Map<String, Object> row = (Map<String, Object>) o;
            if (name.equals(row.get("name"))) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }
}
