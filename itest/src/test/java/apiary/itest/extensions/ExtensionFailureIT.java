package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Before;
import org.junit.Test;
import org.osgi.framework.Bundle;

/**
 * What goes wrong is refused or reported, never half-done: a tampered jar, an extension whose library is missing,
 * one whose activation throws, an unreadable repository. The server keeps serving throughout.
 */
public class ExtensionFailureIT extends ExtensionTestSupport {
    @Before
    public void useTestingIndex() {
        useRepositories(ExtensionAdmin.index("repository-testing"));
    }

    @Test
    public void aTamperedJarIsRefusedAndNothingIsInstalled() {
        int before = context.getBundles().length;
        String error = (String) admin.install("hello").get("error");
        assertTrue(error, error.startsWith("Extension 'hello' was not installed: the download of ext.hello 1.0.0 "
                + "does not match the SHA-256 in the repository index"));
        assertEquals(before, context.getBundles().length);
        assertNull(bundle("ext.hello"));
        assertNull("the substituted jar is not installed either", bundle("ext.banner"));
        assertFalse(admin.row("installed", "hello").isPresent());
        assertEquals(Map.of("error_id", "bad_route", "error", "Unknown API route"), admin.call("Hello", Map.of()).json);
    }

    @Test
    public void anExtensionWhoseLibraryIsMissingIsRefusedWithTheReason() {
        int before = context.getBundles().length;
        String error = (String) admin.install("promptstats").get("error");
        assertTrue(error, error.startsWith("Extension 'promptstats' cannot be installed: "));
        assertTrue(error, error.contains("apiary.ext.textkit"));
        assertEquals(before, context.getBundles().length);
        assertNull(bundle("ext.promptstats"));
    }

    @Test
    public void anExtensionWhoseActivationThrowsIsReportedAndCanBeUninstalled() {
        String error = (String) admin.install("broken").get("error");
        assertTrue(error, error.startsWith("Extension 'broken' was installed but does not work: ext.broken 1.0.0: component "
                + "apiary.ext.broken.BrokenRoutes failed to activate: "));
        assertTrue(error, error.contains("The broken example extension always fails to activate."));

        Map<String, Object> failed = admin.row("failed", "broken").orElseThrow();
        assertEquals("failed", failed.get("state"));
        assertEquals("1.0.0", failed.get("version"));
        assertTrue(String.valueOf(failed.get("reason")).contains("always fails to activate"));
        assertEquals("failed", admin.row("installed", "broken").orElseThrow().get("state"));
        assertFalse("hidden extensions are not offered", admin.row("available", "broken").isPresent());
        assertEquals(Map.of("error_id", "bad_route", "error", "Unknown API route"), admin.call("BrokenHello", Map.of()).json);
        assertEquals("the server keeps serving", 200, admin.call("GetCurrentStatus", Map.of()).status);

        admin.uninstallOk("broken");
        assertNull(bundle("ext.broken"));
        assertFalse(admin.row("failed", "broken").isPresent());
    }

    @Test
    public void anUnreadableRepositoryIsNamedInErrorsAndTheListing() {
        String missing = ExtensionAdmin.index("no-such-repository");
        useRepositories(missing);
        String error = (String) admin.install("hello").get("error");
        assertTrue(error, error.startsWith("Unknown extension. (The extension repository " + missing + " could not be read: "));
        @SuppressWarnings("unchecked")
        Map<String, Object> errors = (Map<String, Object>) admin.list().get("repository_errors");
        assertTrue(errors.toString(), errors.containsKey(missing));
        assertEquals(List.of(), admin.list().get("available"));
    }

    private Bundle bundle(String symbolicName) {
        return ExtensionAdmin.bundle(context, symbolicName);
    }
}
