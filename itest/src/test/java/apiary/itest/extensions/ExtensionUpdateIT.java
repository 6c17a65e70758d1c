package apiary.itest.extensions;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** Updating an installed extension from a repository that publishes a newer version, with no restart. */
public class ExtensionUpdateIT extends ExtensionTestSupport {
    @Test
    public void helloIsUpdatedInPlace() {
        admin.installOk("hello");
        try {
            assertEquals(List.of(), admin.call("CheckForUpdates", Map.of()).get("extension_updates"));
            useRepositories(context.getProperty("apiary.extensions.index"), ExtensionAdmin.index("repository-updates"));

            Map<String, Object> check = admin.call("CheckForUpdates", Map.of()).json;
            assertEquals(List.of("hello"), check.get("extension_updates"));
            assertEquals(List.of(), check.get("backend_updates"));
            assertEquals("the fixture also holds a newer core.backends, which only UpdateAndRestart installs",
                    1, check.get("server_updates_count"));
            assertEquals("1.1.0", admin.row("installed", "hello").orElseThrow().get("update_available"));

            assertEquals(Map.of("success", true), admin.update("hello").json);
            Bundle hello = ExtensionAdmin.bundle(context, "ext.hello");
            assertEquals(new Version(1, 1, 0), hello.getVersion());
            assertEquals(Bundle.ACTIVE, hello.getState());
            assertEquals(Map.of("greeting", "Hello, Ann!"), admin.call("Hello", Map.of("name", "Ann")).json);
            Map<String, Object> row = admin.row("installed", "hello").orElseThrow();
            assertEquals("1.1.0", row.get("version"));
            assertEquals("active", row.get("state"));
            assertTrue(!row.containsKey("update_available"));

            assertEquals("already the newest", Map.of("success", false), admin.update("hello").json);
            assertEquals(List.of(), admin.call("CheckForUpdates", Map.of()).get("extension_updates"));
        } finally {
            admin.uninstallOk("hello");
        }
    }
}
