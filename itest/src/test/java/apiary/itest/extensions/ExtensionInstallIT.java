package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import apiary.core.api.permission.PermissionRegistry;
import apiary.core.api.settings.SettingsTree;
import apiary.itest.Api;

import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * Installing and uninstalling the shipped example extensions through the routes, while the server runs: their
 * routes, permissions, library, web assets and settings appear and go away again.
 */
public class ExtensionInstallIT extends ExtensionTestSupport {
    private static final Map<String, String> BAD_ROUTE = Map.of("error_id", "bad_route", "error", "Unknown API route");

    @Inject
    private PermissionRegistry permissions;

    @Test
    public void helloBringsItsRouteAndPermissionAndTakesThemAway() {
        assertTrue(admin.row("available", "hello").isPresent());
        assertEquals(BAD_ROUTE, admin.call("Hello", Map.of("name", "Ann")).json);

        admin.installOk("hello");
        Api.Reply hello = admin.call("Hello", Map.of("name", "Ann"));
        assertEquals(hello.toString(), Map.of("greeting", "Hello, Ann!"), hello.json);
        assertTrue(permissions.find("hello_use").isPresent());
        Map<String, Object> row = admin.row("installed", "hello").orElseThrow();
        assertEquals("active", row.get("state"));
        assertEquals("1.0.0", row.get("version"));
        assertEquals("Hello", row.get("display_name"));
        assertFalse(admin.row("available", "hello").isPresent());
        assertTrue(bundle("ext.hello") != null);

        admin.uninstallOk("hello");
        assertEquals(BAD_ROUTE, admin.call("Hello", Map.of("name", "Ann")).json);
        assertFalse(permissions.find("hello_use").isPresent());
        assertFalse(admin.row("installed", "hello").isPresent());
        assertNull(bundle("ext.hello"));
    }

    @Test
    public void promptStatsPullsItsLibraryInAndRemovesIt() {
        admin.installOk("promptstats");
        assertEquals("the library was resolved and installed with it", Bundle.ACTIVE, bundle("ext.textkit").getState());
        Api.Reply stats = admin.call("PromptStats", Map.of("prompt", "a (red:1.2) fox, jumping"));
        assertEquals(stats.toString(), Map.of("words", 6, "characters", 24, "estimated_tokens", 6), stats.json);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> parts = (List<Map<String, Object>>) admin.row("installed", "promptstats").orElseThrow().get("bundles");
        assertEquals(List.of("ext.promptstats", "ext.textkit"), List.of(parts.get(0).get("symbolic_name"), parts.get(1).get("symbolic_name")));

        admin.uninstallOk("promptstats");
        assertNull("nothing else needs the library, so it went too", bundle("ext.textkit"));
        assertNull(bundle("ext.promptstats"));
        assertEquals(BAD_ROUTE, admin.call("PromptStats", Map.of("prompt", "x")).json);
    }

    @Test
    public void bannerServesItsFilesAndSettingOnlyWhileInstalled() {
        assertEquals(404, get("/ExtensionFile/banner/banner.js").status);
        assertFalse(SettingsTree.find(settings.definitions(), "banner.text").isPresent());

        admin.installOk("banner");
        Api.Reply js = get("/ExtensionFile/banner/banner.js");
        assertEquals(200, js.status);
        assertTrue(js.raw.headers().firstValue("Content-Type").orElse("").contains("javascript"));
        assertTrue(js.text.contains("GetBanner"));
        assertEquals(200, get("/ExtensionFile/banner/banner.css").status);
        Api.Reply spaced = get("/ExtensionFile/banner/read%20me.txt");
        assertEquals("a percent-encoded file name is decoded", 200, spaced.status);
        assertTrue(spaced.text.startsWith("Served from a file whose name has a space"));
        Api.Reply missing = get("/ExtensionFile/banner/nope.css");
        assertEquals(404, missing.status);
        assertEquals("404, file not found.", missing.text);
        Api.Reply escape = get("/ExtensionFile/banner/%2E%2E/META-INF/MANIFEST.MF");
        assertTrue("no escaping the extension's folder: " + escape, escape.status == 400 || escape.status == 404);
        assertFalse(escape.text.contains("Bundle-SymbolicName"));
        assertEquals(404, get("/ExtensionFile/banner/").status);

        assertTrue(SettingsTree.find(settings.definitions(), "banner.text").isPresent());
        assertTrue("the extension's setting is listed by ListServerSettings",
                ((Map<?, ?>) admin.call("ListServerSettings", Map.of()).get("settings")).containsKey("banner"));
        assertEquals("Welcome to Apiary!", admin.call("GetBanner", Map.of()).get("text"));
        settings.change(Map.of("banner.text", "Hi there"));
        assertEquals("Hi there", admin.call("GetBanner", Map.of()).get("text"));
        settings.change(Map.of("banner.text", "Welcome to Apiary!"));

        admin.uninstallOk("banner");
        assertEquals(404, get("/ExtensionFile/banner/banner.js").status);
        assertFalse(SettingsTree.find(settings.definitions(), "banner.text").isPresent());
        assertFalse(((Map<?, ?>) admin.call("ListServerSettings", Map.of()).get("settings")).containsKey("banner"));
        assertEquals(BAD_ROUTE, admin.call("GetBanner", Map.of()).json);
    }

    @Test
    public void errorsUseSwarmUITexts() {
        assertEquals(Map.of("error", "Unknown extension."), admin.install("no_such_extension").json);
        assertEquals(Map.of("error", "Unknown extension."), admin.uninstall("hello").json);
        assertEquals(Map.of("error", "Unknown extension."), admin.update("hello").json);
        assertEquals(Map.of("error", "Missing required parameter 'extensionName'"), admin.call("InstallExtension", Map.of()).json);
        admin.installOk("hello");
        try {
            assertEquals(Map.of("error", "Extension already installed."), admin.install("hello").json);
            assertEquals("nothing newer in the index", Map.of("success", false), admin.update("hello").json);
        } finally {
            admin.uninstallOk("hello");
        }
    }

    private Api.Reply get(String path) {
        return admin.api().send(HttpRequest.newBuilder(admin.api().uri(path)).GET().build());
    }

    private Bundle bundle(String symbolicName) {
        return ExtensionAdmin.bundle(context, symbolicName);
    }
}
